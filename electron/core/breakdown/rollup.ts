import type { Database } from 'better-sqlite3';
import { listCode } from '../../../shared/contract/item-code';
import type { TemplateField } from '../../../shared/contract/schemas/exchange';
import { ITEM_STATUS_LABELS, type ItemStatus } from '../../../shared/contract/schemas/items';
import { hasProblems } from '../lights/judge-light';
import { latestCompletedValue } from '../targets/target-progress';

/** What a row of the upper office's template gets. */
export type FillMap = Partial<Record<TemplateField, string | number | null>>;

interface ItemNow {
  id: number;
  kind: string;
  code: string;
  section_name: string;
  group_name: string;
  title: string;
  status: ItemStatus;
  progress: number;
  progress_note: string;
  problems: string;
  assign_mode: 'lead' | 'joint';
  actual_value: number | null;
}

const MAX_NOTE = 80;
const MAX_TEXT = 1500;

function cut(s: string, max: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return [...flat].length > max ? `${[...flat].slice(0, max).join('')}…` : flat;
}

function itemNow(db: Database, id: number): ItemNow {
  return db
    .prepare<[number], ItemNow>(`SELECT id, kind, code, coalesce((SELECT name FROM sections WHERE id = items.section_id), '') AS section_name, group_name, title, status,
       progress, progress_note, problems, assign_mode, actual_value FROM items WHERE id = ?`)
    .get(id)!;
}

/** 下步计划 of the item's latest reported period (every unit's, joined). */
function latestNextSteps(db: Database, itemId: number): string {
  const rows = db
    .prepare<[number], { period_id: number; next_steps: string }>(
      `SELECT r.period_id, r.next_steps FROM reports r JOIN periods p ON p.id = r.period_id
       WHERE r.item_id = ? AND r.next_steps <> '' ORDER BY p.start_date DESC, p.id DESC, r.unit_id`,
    )
    .all(itemId);
  return rows.filter((r) => r.period_id === rows[0]?.period_id).map((r) => r.next_steps.trim()).join('；');
}

function valueOf(db: Database, it: ItemNow): number | null {
  if (it.kind === 'indicator') return it.actual_value;
  return latestCompletedValue(db, it.id, it.assign_mode === 'joint')?.value ?? null;
}

/** An item's own consolidated values (as returns left them on the item and its latest reports). */
export function ownFill(db: Database, itemId: number): FillMap {
  const it = itemNow(db, itemId);
  return {
    status: ITEM_STATUS_LABELS[it.status],
    ratio: it.progress,
    value: valueOf(db, it),
    progressText: it.progress_note,
    problems: it.problems,
    nextSteps: latestNextSteps(db, itemId),
  };
}

function rollupStatus(subs: readonly ItemNow[]): ItemStatus {
  if (subs.every((s) => s.status === 'done')) return 'done';
  if (subs.every((s) => s.status === 'suspended')) return 'suspended';
  if (subs.some((s) => s.status === 'in_progress' || s.status === 'done')) return 'in_progress';
  return 'not_started';
}

function countsLine(subs: readonly ItemNow[]): string {
  const order: ItemStatus[] = ['done', 'in_progress', 'not_started', 'suspended'];
  const parts = order.map((st) => [st, subs.filter((s) => s.status === st).length] as const).filter(([, n]) => n > 0);
  return `分解为 ${subs.length} 项：${parts.map(([st, n]) => `${ITEM_STATUS_LABELS[st]} ${n} 项`).join('，')}`;
}

/**
 * A short rollup of an upper item's local sub-items: status (all done → 已完成, any started →
 * 推进中), average completion, the sum of reported 完成值, and "分解为 3 项：已完成 1 项，推进中 2 项。
 * 1-1 …：进展；1-2 …" with each sub-item's problems and next steps by its code. A single local item
 * (a 1:1 breakdown) passes its own values up unchanged.
 */
export function rollupFill(db: Database, subIds: readonly number[]): FillMap {
  // One local item mirrors its upper item: its own values go up as they are.
  if (subIds.length === 1) return ownFill(db, subIds[0]);
  const subs = subIds.map((id) => itemNow(db, id));
  const values = subs.map((s) => valueOf(db, s)).filter((v): v is number => v !== null);
  // Each sub-item by its 编号 as the lists show it (a bare 1 in section （一） is 1-1).
  const line = (s: ItemNow, body: string) => `${listCode(s.code, s.section_name, s.group_name) || s.title}：${cut(body, MAX_NOTE)}`;
  const notes = subs.map((s) => line(s, s.progress_note || ITEM_STATUS_LABELS[s.status]));
  const problems = subs.filter((s) => hasProblems(s.problems)).map((s) => line(s, s.problems));
  const steps = subs.map((s) => [s, latestNextSteps(db, s.id)] as const).filter(([, t]) => t).map(([s, t]) => line(s, t));
  return {
    status: ITEM_STATUS_LABELS[rollupStatus(subs)],
    ratio: Math.round(subs.reduce((n, s) => n + s.progress, 0) / subs.length),
    value: values.length ? values.reduce((a, b) => a + b, 0) : null,
    progressText: cut(`${countsLine(subs)}。${notes.join('；')}`, MAX_TEXT),
    problems: cut(problems.join('；'), MAX_TEXT),
    nextSteps: cut(steps.join('；'), MAX_TEXT),
  };
}
