import { useCallback, useEffect, useState } from 'react';
import type { Dashboard } from '../../../shared/contract/schemas/dashboard';
import type { ItemKind } from '../../../shared/contract/schemas/items';
import { call } from '../api/client';

/** 概览 data for one list kind; reloads when the kind or `stamp` (e.g. item counts) changes. */
export function useDashboard(kind: ItemKind, stamp: string): { data: Dashboard | null; error: string | null; reload: () => void } {
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setData(await call('dashboard:get', { kind }));
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [kind]);
  useEffect(() => void load(), [load, stamp]);
  return { data, error, reload: () => void load() };
}
