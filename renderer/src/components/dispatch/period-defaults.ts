import type { Period, PeriodKind } from '../../../../shared/contract/schemas/periods';

/** What the 开启新期次 form starts with. */
export interface PeriodDraft {
  name: string;
  kind: PeriodKind;
  start: string;
  end: string;
  due: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** yyyy-mm-dd of a local date. */
export function isoDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function parse(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y, m - 1, d);
}

/** The date `days` after `iso`. */
export function addDays(iso: string, days: number): string {
  const d = parse(iso);
  d.setDate(d.getDate() + days);
  return isoDate(d);
}

/** Last day of a round that starts on `start`: 14 days, the month's end, or the quarter's end. */
export function periodEnd(start: string, kind: PeriodKind): string {
  if (kind === '双周') return addDays(start, 13);
  const d = parse(start);
  const month = kind === '月' ? d.getMonth() : Math.floor(d.getMonth() / 3) * 3 + 2;
  return isoDate(new Date(d.getFullYear(), month + 1, 0));
}

const NAME = /^(\d{4})年第(\d+)期$/;

/** 2025年第5期 when 2025年第4期 is the highest of that year; 第1期 in a new year. */
export function nextPeriodName(periods: readonly Pick<Period, 'name'>[], year: number): string {
  let max = 0;
  for (const p of periods) {
    const m = NAME.exec(p.name.trim());
    if (m && Number(m[1]) === year) max = Math.max(max, Number(m[2]));
  }
  return `${year}年第${max + 1}期`;
}

/**
 * The next round: it starts the day after the newest period ends (today when there is none or that
 * is long past), keeps its kind, and is due the day after it ends.
 */
export function nextPeriodDraft(periods: readonly Period[], today: string): PeriodDraft {
  const last = periods[0];
  const kind = last?.kind ?? '双周';
  const after = last ? addDays(last.endDate, 1) : today;
  const start = after < addDays(today, -31) ? today : after;
  const end = periodEnd(start, kind);
  return { name: nextPeriodName(periods, Number(start.slice(0, 4))), kind, start, end, due: addDays(end, 1) };
}
