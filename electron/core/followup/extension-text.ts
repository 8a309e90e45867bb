/** 2025-06-30 → 6月30日 (with the year when it differs from `sameYearAs`). */
export function shortDate(iso: string, sameYearAs?: string | null): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const md = `${Number(m[2])}月${Number(m[3])}日`;
  return sameYearAs && sameYearAs.slice(0, 4) !== m[1] ? `${m[1]}年${md}` : md;
}

/** 已延期 1 次，原定 6月30日 — what a light and a list say about an extended item. */
export function extendedNote(count: number, original: string | null, now: string | null): string {
  if (count <= 0) return '';
  return original ? `已延期 ${count} 次，原定 ${shortDate(original, now)}` : `已延期 ${count} 次`;
}

/** A decision as the next period's template states it, e.g. 已同意延期至2025年8月31日（第1次，原定6月30日）. */
export function decisionText(d: { state: string; requestedDate: string; note: string; count: number; original: string | null }): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d.requestedDate);
  const to = m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : d.requestedDate;
  const note = d.note ? `；${d.note}` : '';
  if (d.state === 'approved') {
    const orig = d.original ? `，原定${shortDate(d.original, d.requestedDate)}` : '';
    return `已同意延期至${to}（第${d.count}次${orig}）${note}`;
  }
  return `申请延期至${to}未同意，仍按原完成时限${note}`;
}
