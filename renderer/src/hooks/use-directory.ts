import { useCallback, useEffect, useState } from 'react';
import type { Plan } from '../../../shared/contract/schemas/plans';
import type { Unit } from '../../../shared/contract/schemas/units';
import { call } from '../api/client';
import { notifyError } from '../app/notify';

/** A list read once from the core, with a reload after edits. */
function useList<T>(read: () => Promise<T[]>): { list: T[]; loaded: boolean; reload(): Promise<void> } {
  const [list, setList] = useState<T[]>([]);
  const [loaded, setLoaded] = useState(false);
  const reload = useCallback(async () => {
    try {
      setList(await read());
      setLoaded(true);
    } catch (e) {
      notifyError(e);
    }
  }, [read]);
  useEffect(() => void reload(), [reload]);
  return { list, loaded, reload };
}

const readUnits = () => call('units:list', {});
const readPlans = () => call('plans:list', {});

/** The unit directory. */
export function useUnits() {
  const r = useList<Unit>(readUnits);
  return { units: r.list, loaded: r.loaded, reload: r.reload };
}

/** Plans with their sections. */
export function usePlans() {
  const r = useList<Plan>(readPlans);
  return { plans: r.list, loaded: r.loaded, reload: r.reload };
}
