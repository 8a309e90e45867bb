import { useEffect, useRef, useState } from 'react';
import type { ItemKind } from '../../../shared/contract/schemas/items';
import type { LightLevel } from '../../../shared/contract/schemas/lights';
import { call } from '../api/client';
import { notifyError } from '../app/notify';

/**
 * The ids of a kind's items whose light is one of `levels` (lights are computed by the core, not
 * stored on items, so a light filter becomes an id filter). Null while reading; undefined without levels.
 */
export function useLightIds(kind: ItemKind, levels: readonly LightLevel[], version: number): number[] | null | undefined {
  const [ids, setIds] = useState<number[] | null | undefined>(undefined);
  const key = levels.join(',');
  const shownKey = useRef('');
  useEffect(() => {
    if (!key) return setIds(undefined);
    let live = true;
    // A new choice of levels waits for its ids; a refresh after an edit keeps the old ones meanwhile.
    if (shownKey.current !== key) setIds(null);
    shownKey.current = key;
    call('lights:list', { kind, levels: key.split(',') as LightLevel[] })
      .then((r) => live && setIds(r.map((l) => l.id)))
      .catch((e: unknown) => (notifyError(e), live && setIds([])));
    return () => void (live = false);
  }, [kind, key, version]);
  return ids;
}
