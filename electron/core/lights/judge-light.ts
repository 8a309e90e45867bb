import type { LightLevel, LightRule } from '../../../shared/contract/schemas/lights';
import { extendedNote } from '../followup/extension-text';

/** What the light rule needs to know about one item (gathered by `light-inputs.ts`). */
export interface LightItem {
  /** Done by status, by its latest report, or by its kind's own marker (政策已出台, 项目竣工). */
  done: boolean;
  suspended: boolean;
  /** 0–100: the best evidence of progress (item, latest report, target ratio). */
  progress: number;
  /** yyyy-mm-dd, or null for 长期坚持 and items without a deadline. */
  deadline: string | null;
  /** yyyy-mm-dd the time-proportional expectation counts from. */
  start: string;
  /** Problems in the latest report (or on the item), '' when none. */
  problems: string;
  /** Rounds in a row, up to the latest due one, the item should have been reported and was not. */
  missedRounds: number;
  /** Approved extensions: `deadline` is then the approved date; the reason says so. */
  extension?: { count: number; original: string | null };
}

/** The day and the office's thresholds. */
export interface LightContext {
  today: string;
  dueSoonDays: number;
  missedRoundsRed: number;
  lagTolerance: number;
}

export interface LightVerdict {
  level: LightLevel;
  rule: LightRule;
  /** One Chinese sentence for the UI and print. */
  reason: string;
}

const DAY_MS = 86_400_000;

/** Whole days from `a` to `b` (yyyy-mm-dd), negative when b is earlier. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** Progress (0–100) a steady pace from `start` to `deadline` would have reached `today`. */
export function expectedProgress(start: string, deadline: string, today: string): number {
  const span = daysBetween(start, deadline);
  if (span <= 0) return 100;
  const elapsed = Math.min(Math.max(daysBetween(start, today), 0), span);
  return Math.round((elapsed / span) * 100);
}

const NO_PROBLEM = /^(?:无|暂无|没有|无问题|暂无问题|无困难|暂无困难|没有问题|否|\/|-|—|——)?$/;

/** True when a 存在问题 text states a problem (无 / 暂无 / – do not count). */
export function hasProblems(text: string): boolean {
  return !NO_PROBLEM.test(text.replace(/[\s\u3000。.，,；;！!]/g, ''));
}

const CN_COUNTS = ['零', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];

function roundsText(n: number): string {
  return n <= 10 ? `连续${CN_COUNTS[n]}期未报送` : `连续 ${n} 期未报送`;
}

function excerpt(text: string, max = 24): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return [...flat].length > max ? `${[...flat].slice(0, max).join('')}…` : flat;
}

/**
 * The light of one item. Rules, first match wins:
 * 1. done → done (已完成); suspended → good (已暂缓).
 * 2. deadline passed and not done → bad (逾期 N 天未完成).
 * 3. unreported for `missedRoundsRed` rounds in a row → bad (连续两期未报送).
 * 4. due within `dueSoonDays` and progress more than `lagTolerance` points below the
 *    time-proportional expectation → warn (距完成时限 10 天，进度 20% 低于应有的 65%).
 * 5. the latest report states problems → warn (报送存在问题：…).
 * 6. otherwise good (按计划推进).
 * An extended item is judged on its approved deadline and its reason ends 已延期 N 次，原定 6月30日.
 */
export function judgeLight(item: LightItem, ctx: LightContext): LightVerdict {
  const verdict = judgeOnDeadline(item, ctx);
  const ext = item.extension;
  if (!ext || ext.count <= 0 || verdict.rule === 'done') return verdict;
  return { ...verdict, reason: `${verdict.reason}；${extendedNote(ext.count, ext.original, item.deadline)}` };
}

/** The rules above on the item's current (approved) deadline. */
function judgeOnDeadline(item: LightItem, ctx: LightContext): LightVerdict {
  if (item.done) return { level: 'done', rule: 'done', reason: '已完成' };
  if (item.suspended) return { level: 'good', rule: 'suspended', reason: '已暂缓，不计进度' };
  const daysLeft = item.deadline ? daysBetween(ctx.today, item.deadline) : null;
  if (daysLeft !== null && daysLeft < 0) {
    return { level: 'bad', rule: 'overdue', reason: `逾期 ${-daysLeft} 天未完成` };
  }
  if (item.missedRounds >= ctx.missedRoundsRed) return { level: 'bad', rule: 'missed', reason: roundsText(item.missedRounds) };
  if (daysLeft !== null && daysLeft <= ctx.dueSoonDays) {
    const expected = expectedProgress(item.start, item.deadline!, ctx.today);
    if (item.progress < expected - ctx.lagTolerance) {
      const when = daysLeft === 0 ? '今天到期' : `距完成时限 ${daysLeft} 天`;
      return { level: 'warn', rule: 'behind', reason: `${when}，进度 ${item.progress}% 低于应有的 ${expected}%` };
    }
  }
  if (hasProblems(item.problems)) return { level: 'warn', rule: 'problems', reason: `报送存在问题：${excerpt(item.problems)}` };
  if (daysLeft === null) return { level: 'good', rule: 'on_track', reason: '按计划推进' };
  return { level: 'good', rule: 'on_track', reason: `按计划推进（距完成时限 ${daysLeft} 天，进度 ${item.progress}%）` };
}
