import type { FillValues } from '../exchange/template-fields';
import type { DemoFill } from './demo-returns';

/** yyyy-mm-dd `days` after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A local Date at `hour` o'clock of yyyy-mm-dd (what a clerk's clock read that day). */
export function dayAt(date: string, hour = 10): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y, m - 1, d, hour);
}

const ymd = (date: string) => date.split('-').map(Number);

/** A deadline as an office writes it: 2026年11月20日前. */
function dayPhrase(date: string): string {
  const [y, m, d] = ymd(date);
  return `${y}年${m}月${d}日前`;
}

/** The end of the month `months` after today's: 2027年3月底前. */
function monthEndPhrase(today: string, months: number): string {
  const [y, m] = ymd(today);
  const n = y * 12 + (m - 1) + months;
  return `${Math.floor(n / 12)}年${(n % 12) + 1}月底前`;
}

/**
 * The 完成时限 the demo gives the n-th task: where its text says when (年内, 年底前, 全年) that year's
 * end, else spread around today so the first 概览 has overdue, due-soon and later tasks and a few
 * standing ones (长期坚持). Relative to today, so the demo never goes stale.
 */
export function demoDeadline(n: number, text: string, today: string): string {
  const [year] = ymd(today);
  if (/年内|年底前|全年/.test(text)) return `${year}年底前`;
  const h = n % 20;
  if (h === 0) return '长期坚持';
  if (h === 1 || h === 11) return dayPhrase(addDays(today, -(3 + (n % 17))));
  if (h === 2 || h === 7 || h === 13) return dayPhrase(addDays(today, 3 + (n % 11)));
  return monthEndPhrase(today, 1 + (n % 9));
}

const PROGRESS = [
  '已召开专题调度会，制定工作方案，任务分解到责任处室和市州',
  '已完成阶段目标，相关政策文件正在征求意见',
  '重点项目按计划推进，本期完成现场督导 2 次',
  '已建立工作台账，按月调度，推进情况良好',
  '已会同相关部门开展联合调研，形成初步成果',
  '配套资金已下达，正在组织项目申报和评审',
];
const PROBLEMS = [
  '配套资金到位较慢，需协调财政加快拨付',
  '部分市州工作进度不平衡，个别项目用地手续未办结',
  '企业申报积极性不高，政策宣传还需加强',
  '跨部门数据共享机制尚未建立，统计口径不一致',
];
const NEXT = ['加强调度，确保按期完成', '督促进度滞后的市州加快推进', '做好总结评估，巩固工作成效', '协调解决存在问题，加快推进'];

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length];

/** What a unit reports on an item in the first period: some done, some with problems, one not started. */
export function firstPeriodFill(itemId: number, unit: number): DemoFill {
  const h = (itemId * 7 + unit * 3) % 20;
  if (h < 3) return { status: 'done', ratio: 100, progressText: `已全面完成。${pick(PROGRESS, itemId)}`, problems: '', nextSteps: pick(NEXT, 2) };
  if (h < 6) return { status: 'in_progress', ratio: 25 + (itemId % 25), progressText: pick(PROGRESS, itemId), problems: pick(PROBLEMS, itemId), nextSteps: pick(NEXT, 3) };
  if (h === 6) return { status: 'not_started', ratio: 0, progressText: '前期准备中，工作方案待审定', problems: '牵头处室人员调整，方案审定推迟', nextSteps: '尽快审定方案并启动' };
  return { status: 'in_progress', ratio: 20 + ((itemId * 13) % 50), progressText: pick(PROGRESS, itemId + unit), problems: '', nextSteps: pick(NEXT, itemId) };
}

/** The second period builds on what the unit was sent (its first-period report as issued). */
export function secondPeriodFill(itemId: number, unit: number, sent: FillValues): DemoFill {
  if (sent.status === 'done') return { progressText: '已完成，本期巩固成效，开展总结评估', problems: '', nextSteps: pick(NEXT, 2) };
  const ratio = Math.min(100, (sent.ratio ?? 0) + 10 + (itemId % 15));
  const h = (itemId * 5 + unit) % 10;
  const problems = h < 2 ? pick(PROBLEMS, itemId + 1) : '';
  if (ratio >= 100) return { status: 'done', ratio: 100, progressText: `本期已全面完成。${pick(PROGRESS, itemId + 1)}`, problems, nextSteps: pick(NEXT, 2) };
  return { status: 'in_progress', ratio, progressText: pick(PROGRESS, itemId + unit + 1), problems, nextSteps: pick(NEXT, itemId + 1) };
}
