/** Dates as a Chinese office writes and reads them: typed 2025-06-30 or 2025年6月30日, shown 2025年6月30日. */

const pad = (n: number) => String(n).padStart(2, '0');

function valid(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d ? `${y}-${pad(m)}-${pad(d)}` : null;
}

const FORMS = [
  /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})$/,
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

/**
 * The ISO date (2025-06-30) a typed text means, or null when it is not a whole calendar date.
 * Accepts 2025-06-30, 2025/6/30, 2025.6.30, 2025年6月30日 (or 号), 20250630; full-width digits too.
 */
export function parseDateText(text: string): string | null {
  const t = text.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[－／．]/g, (c) => ({ '－': '-', '／': '/', '．': '.' })[c] ?? c);
  for (const re of FORMS) {
    const m = re.exec(t);
    if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  return null;
}

/** 2025-06-30 → 2025年6月30日; anything else unchanged. */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** The days a month view shows: Monday first, with the blanks before the 1st as null. */
export function monthGrid(year: number, month: number): (string | null)[] {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const blanks = (first + 6) % 7;
  return [...Array<null>(blanks).fill(null), ...Array.from({ length: days }, (_, i) => `${year}-${pad(month)}-${pad(i + 1)}`)];
}
