import type { BulletinFacts } from '../../../shared/contract/schemas/bulletins';
import { ITEM_STATUS_LABELS, ITEM_STATUSES } from '../../../shared/contract/schemas/items';
import { headingNumber } from './bulletin-numbering';
import { codeTitle } from '../../../shared/contract/item-code';

type Lagging = BulletinFacts['lagging'][number];
/** Paragraph indent of official documents: two full-width spaces. */
const INDENT = '\u3000\u3000';

/** 2025-06-30 → 2025年6月30日 */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** Most severe first: least progress, then the earliest deadline. */
function bySeverity(a: Lagging, b: Lagging): number {
  return a.progress - b.progress || (a.deadline || '9999').localeCompare(b.deadline || '9999');
}

/**
 * The lagging items the bulletin lists, in the plan's order: the picked ones, else the `limit` most
 * severe, else all.
 */
export function listedLagging(all: readonly Lagging[], limit?: number, ids?: readonly number[]): Lagging[] {
  if (ids) return all.filter((l) => ids.includes(l.itemId));
  if (limit === undefined || limit >= all.length) return [...all];
  const kept = new Set([...all].sort(bySeverity).slice(0, limit).map((l) => l.itemId));
  return all.filter((l) => kept.has(l.itemId));
}

function overall(f: BulletinFacts): string {
  const parts = ITEM_STATUSES.filter((s) => f.byStatus[s] > 0).map((s) => `${ITEM_STATUS_LABELS[s]} ${f.byStatus[s]} 项`);
  const reported = f.expectedUnits.length - f.missingUnits.length;
  return (
    `${INDENT}截至${chineseDate(f.asOf)}，本期纳入调度的事项共 ${f.itemCount} 项` +
    (parts.length ? `，其中${parts.join('、')}` : '') +
    `，平均完成进度 ${f.averageProgress}%。` +
    (f.expectedUnits.length ? `本期应报送单位 ${f.expectedUnits.length} 个，已报送 ${reported} 个。` : '')
  );
}

function lights(f: BulletinFacts): string {
  if (!f.lights.length) return `${INDENT}本期无纳入亮灯的事项。`;
  return `${INDENT}本期亮灯情况：${f.lights.map((l) => `${l.label} ${l.count} 项`).join('，')}。`;
}

function lagging(f: BulletinFacts, listed: readonly Lagging[]): string[] {
  if (!f.lagging.length) return [`${INDENT}本期无滞后事项。`];
  const lines = listed.map((l, n) => {
    const head = codeTitle(l.code, l.title);
    const facts = [l.units && `责任单位：${l.units}`, l.deadline && `完成时限：${l.deadline}`, `完成进度：${l.progress}%`].filter(Boolean).join('；');
    return `${INDENT}${headingNumber(2, n + 1)}${head}（${facts}）。原因：${l.reason}。`.replace(/。。$/, '。');
  });
  const rest = f.lagging.length - listed.length;
  if (rest > 0) lines.push(`${INDENT}${listed.length ? '另有' : '本期共有'} ${rest} 项滞后事项未逐项列出，详见调度汇总表。`);
  return lines;
}

/** Before the due date nobody is late: the units still to report are counted, not named. */
function reporting(f: BulletinFacts): string {
  if (!f.expectedUnits.length) return `${INDENT}本期无应报送单位。`;
  const late = f.duePassed && f.lateUnits.length ? `${f.lateUnits.join('、')}，共 ${f.lateUnits.length} 个单位在截止日后才报送。` : '';
  if (!f.missingUnits.length) return late ? `${INDENT}本期应报送单位均已报送；其中${late}` : `${INDENT}本期应报送单位均已报送。`;
  const reported = f.expectedUnits.length - f.missingUnits.length;
  if (!f.duePassed) return `${INDENT}本期报送截止${chineseDate(f.dueDate)}，截至${chineseDate(f.asOf)}已有 ${reported} 个单位报送，其余 ${f.missingUnits.length} 个单位尚未报送。`;
  return `${INDENT}${f.missingUnits.join('、')}，共 ${f.missingUnits.length} 个单位未按时报送本期进展（报送截止${chineseDate(f.dueDate)}），请尽快补报。${late ? `另有${late}` : ''}`;
}

/** 本期催办 N 次: counted from the 催办 written during the period. */
function urged(f: BulletinFacts): string[] {
  if (!f.urgeCount) return [];
  return [`${INDENT}本期催办 ${f.urgeCount} 次，涉及${f.urgedUnits.join('、')}${f.urgedUnits.length > 1 ? ` ${f.urgedUnits.length} 个单位` : ''}。`];
}

function commended(f: BulletinFacts): string {
  if (!f.commendedUnits.length) return `${INDENT}本期暂无所承担事项全部按时报送且无滞后的单位。`;
  return `${INDENT}${f.commendedUnits.map((u) => `${u.name}（${u.itemCount} 项）`).join('、')}所承担的事项均按时报送、无滞后，予以通报表扬。`;
}

/** The bulletin's editable body, written from the facts: five numbered parts and the sign-off. */
export function writeBulletin(
  f: BulletinFacts,
  p: { startDate: string; endDate: string; laggingLimit?: number; laggingIds?: readonly number[] },
  office: string,
  today: string,
): string {
  const parts: [string, string[]][] = [
    ['总体进展', [overall(f)]],
    ['亮灯情况', [lights(f)]],
    ['滞后事项', lagging(f, listedLagging(f.lagging, p.laggingLimit, p.laggingIds))],
    [f.duePassed ? '未按时报送单位' : '报送情况', [reporting(f), ...urged(f)]],
    ['表扬单位', [commended(f)]],
  ];
  const lines = ['各成员单位：', `${INDENT}现将${f.periodName}（${chineseDate(p.startDate)}至${chineseDate(p.endDate)}）调度情况通报如下。`];
  parts.forEach(([title, body], n) => lines.push(`${headingNumber(1, n + 1)}${title}`, ...body));
  lines.push('', office, chineseDate(today));
  return lines.join('\n');
}
