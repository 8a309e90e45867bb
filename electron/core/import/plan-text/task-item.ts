import type { DraftItem, DraftProblem } from '../draft';
import type { TaskDraft } from './plan-structure';
import { cutTrailingClause, parseUnitClause } from './unit-parentheses';

/**
 * Turns a numbered task paragraph into a DraftItem: title is the text before the first 。,
 * content the paragraph without its number and without the trailing unit clause, units from that
 * clause. A task with no unit clause, or a clause naming no unit, also yields a warning.
 */
export function buildTaskItem(
  task: TaskDraft,
  file?: string,
): { item: DraftItem; problem: DraftProblem | null } {
  const { before, clause } = cutTrailingClause(task.body);
  const roles = clause === null ? null : parseUnitClause(clause);
  const item: DraftItem = {
    plan: task.plan.title,
    section: task.section,
    group: task.group,
    no: task.no,
    title: before.split('。')[0].trim(),
    content: before,
    lead: roles?.lead ?? [],
    coop: roles?.coop ?? [],
    kind: roles?.kind ?? 'joint',
    resp: roles?.resp ?? [],
    campaign: task.plan.campaign,
  };
  return { item, problem: unitProblem(task, item, clause, file) };
}

function unitProblem(
  task: TaskDraft,
  item: DraftItem,
  clause: string | null,
  file?: string,
): DraftProblem | null {
  const where = `${task.plan.title}${task.section ?? ''} 第 ${task.no} 项“${item.title.slice(0, 20)}”`;
  let message: string | null = null;
  if (clause === null) message = `${where}末尾没有括注责任单位，请补填牵头或责任单位`;
  else if (item.lead.length + item.resp.length + item.coop.length === 0) {
    message = `${where}的括注“${clause}”中未识别出单位，请补填`;
  }
  if (message === null) return null;
  const problem: DraftProblem = { row: task.line, severity: 'warning', message };
  return file === undefined ? problem : { file, ...problem };
}
