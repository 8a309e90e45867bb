import { useCallback, useEffect, useState } from 'react';
import type { Period } from '../../../../shared/contract/schemas/periods';
import { call } from '../../api/client';
import { notifyError } from '../../app/notify';

/** Every period, newest first, with a reload after changes. */
export function usePeriods(): { periods: Period[]; loaded: boolean; reload(): Promise<void> } {
  const [periods, setPeriods] = useState<Period[]>([]);
  const [loaded, setLoaded] = useState(false);
  const reload = useCallback(async () => {
    try {
      setPeriods(await call('periods:list', {}));
      setLoaded(true);
    } catch (e) {
      notifyError(e);
    }
  }, []);
  useEffect(() => void reload(), [reload]);
  return { periods, loaded, reload };
}

/** 3 / 12（25%）: units reported of units sent a template. */
export function reportingText(p: Pick<Period, 'issuedUnits' | 'reportedUnits'>): string {
  if (p.issuedUnits === 0) return p.reportedUnits ? `已报 ${p.reportedUnits} 个（未下发模板）` : '未下发模板';
  const pct = Math.round((Math.min(p.reportedUnits, p.issuedUnits) / p.issuedUnits) * 100);
  return `${p.reportedUnits} / ${p.issuedUnits}（${pct}%）`;
}
