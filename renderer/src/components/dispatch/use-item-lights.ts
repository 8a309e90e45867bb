import { useEffect, useState } from 'react';
import type { ItemLight } from '../../../../shared/contract/schemas/lights';
import { call } from '../../api/client';

/** Largest id list lights:for-items takes. */
const CHUNK = 5000;

/** Lights of the given items (judged now, under the office's scheme); empty until read, and if they cannot be. */
export function useItemLights(ids: readonly number[], stamp = 0): Map<number, ItemLight> {
  const [lights, setLights] = useState<Map<number, ItemLight>>(new Map());
  const key = [...new Set(ids)].sort((a, b) => a - b).join(',');
  useEffect(() => {
    let live = true;
    const list = key ? key.split(',').map(Number) : [];
    void (async () => {
      const out = new Map<number, ItemLight>();
      try {
        for (let i = 0; i < list.length; i += CHUNK) {
          const r = await call('lights:for-items', { ids: list.slice(i, i + CHUNK) });
          for (const l of Object.values(r.lights)) out.set(l.id, l);
        }
      } catch {
        // Lights are a help here; the preview stands without them.
      }
      if (live) setLights(out);
    })();
    return () => {
      live = false;
    };
  }, [key, stamp]);
  return lights;
}
