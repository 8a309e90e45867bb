import type { BulletinFacts } from '../../../shared/contract/schemas/bulletins';
import { ITEM_STATUS_LABELS, ITEM_STATUSES } from '../../../shared/contract/schemas/items';

const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** Paragraph indent of official documents: two full-width spaces. */
const INDENT = '\u3000\u3000';

/** 2025-06-30 → 2025年6月30日 */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

function seq(n: number): string {
  return n < 10 ? `（${CN_NUM[n]}）` : `（${n + 1}）`;
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

function lagging(f: BulletinFacts): string[] {
  if (!f.lagging.length) return [`${INDENT}本期无滞后事项。`];
  return f.lagging.map((l, n) => {
    const head = `${l.code ? `${l.code} ` : ''}${l.title}`;
    const facts = [l.units && `责任单位：${l.units}`, l.deadline && `完成时限：${l.deadline}`, `完成进度：${l.progress}%`].filter(Boolean).join('；');
    return `${INDENT}${seq(n)}${head}（${facts}）。原因：${l.reason}。`.replace(/。。$/, '。');
  });
}

function missing(f: BulletinFacts, dueDate: string): string {
  if (!f.expectedUnits.length) return `${INDENT}本期无应报送单位。`;
  if (!f.missingUnits.length) return `${INDENT}本期应报送单位均已报送。`;
  return `${INDENT}${f.missingUnits.join('、')}，共 ${f.missingUnits.length} 个单位未报送本期进展（报送截止${chineseDate(dueDate)}），请尽快补报。`;
}

function commended(f: BulletinFacts): string {
  if (!f.commendedUnits.length) return `${INDENT}本期暂无所承担事项全部按时报送且无滞后的单位。`;
  return `${INDENT}${f.commendedUnits.map((u) => `${u.name}（${u.itemCount} 项）`).join('、')}所承担的事项均按时报送、无滞后，予以通报表扬。`;
}

/** The bulletin's editable body, written from the facts: five numbered parts and the sign-off. */
export function writeBulletin(f: BulletinFacts, p: { startDate: string; endDate: string; dueDate: string }, office: string, today: string): string {
  const parts: [string, string[]][] = [
    ['总体进展', [overall(f)]],
    ['亮灯情况', [lights(f)]],
    ['滞后事项', lagging(f)],
    ['未按时报送单位', [missing(f, p.dueDate)]],
    ['表扬单位', [commended(f)]],
  ];
  const lines = ['各成员单位：', `${INDENT}现将${f.periodName}（${chineseDate(p.startDate)}至${chineseDate(p.endDate)}）调度情况通报如下。`];
  parts.forEach(([title, body], n) => lines.push(`${CN_NUM[n]}、${title}`, ...body));
  lines.push('', office, chineseDate(today));
  return lines.join('\n');
}
