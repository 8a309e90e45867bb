import { useCallback, useEffect, useRef, useState } from 'react';
import type { SummaryQuery, SummaryResult, SummaryRow } from '../../../../shared/contract/schemas/summary';
import { call } from '../../api/client';
import { notifyError } from '../../app/notify';

/** Rows of the 汇总表 fetched per request while scrolling. */
export const SUMMARY_PAGE = 200;

/** The 汇总表 read page by page: the first answer's counts and units, and the rows fetched so far. */
export function useSummaryPages(query: SummaryQuery): { summary: SummaryResult | null; rows: SummaryRow[]; more: () => void } {
  const key = JSON.stringify(query);
  const [state, setState] = useState<{ key: string; summary: SummaryResult; rows: SummaryRow[] } | null>(null);
  const loading = useRef<string | null>(null);

  useEffect(() => {
    let live = true;
    loading.current = `${key}@0`;
    call('periods:summary', { ...(JSON.parse(key) as SummaryQuery), offset: 0, limit: SUMMARY_PAGE }).then(
      (s) => live && setState({ key, summary: s, rows: s.rows }),
      notifyError,
    );
    return () => void (live = false);
  }, [key]);

  const more = useCallback(() => {
    if (!state || state.key !== key || state.rows.length >= state.summary.matched) return;
    const at = `${key}@${state.rows.length}`;
    if (loading.current === at) return;
    loading.current = at;
    const offset = state.rows.length;
    call('periods:summary', { ...(JSON.parse(key) as SummaryQuery), offset, limit: SUMMARY_PAGE }).then(
      (s) => setState((cur) => (cur && cur.key === key && cur.rows.length === offset ? { ...cur, rows: [...cur.rows, ...s.rows] } : cur)),
      notifyError,
    );
  }, [state, key]);

  const current = state && state.key === key ? state : null;
  return { summary: current?.summary ?? (state?.summary ?? null), rows: current?.rows ?? state?.rows ?? [], more };
}
