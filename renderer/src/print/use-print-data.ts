import { useEffect, useState } from 'react';

/** Loads what a print view shows once; the error is the core's Chinese message. */
export function usePrintData<T>(load: () => Promise<T>, deps: readonly unknown[]): { data: T | null; error: string | null } {
  const [state, setState] = useState<{ data: T | null; error: string | null }>({ data: null, error: null });
  useEffect(() => {
    let live = true;
    setState({ data: null, error: null });
    load().then(
      (data) => live && setState({ data, error: null }),
      (e: unknown) => live && setState({ data: null, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
    // The caller lists what its loader reads in `deps`, as with useEffect.
  }, deps);
  return state;
}

/** 2025年6月30日 from a Date or yyyy-mm-dd. */
export function chineseDate(d: Date | string): string {
  if (typeof d === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d);
    return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : d;
  }
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}
