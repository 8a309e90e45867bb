import type { DraftItem, DraftProblem } from '../draft';
import { splitParagraphs } from './paragraphs';
import type { PlanDraft } from './plan-structure';
import { readStructure } from './plan-structure';
import { parseTaskForce } from './task-force';
import { buildTaskItem } from './task-item';

/** A plan found in pasted document text, with its 工作专班. */
export interface ParsedPlan {
  /** As written, e.g. 内需扩量提效攻坚实施方案. */
  title: string;
  /** Title without 实施方案, e.g. 内需扩量提效攻坚; 七大攻坚 for the overall plan. */
  campaign: string;
  /** "1".."7" for 附件 N (from the 附件 line, else the overall plan's attachment list), else null. */
  attachmentNo: string | null;
  /** The overall plan's title for its attachments; null for the overall plan itself. */
  parentTitle: string | null;
  /** 文号 such as 湘政办发〔2025〕2号 when the text gives it, else ''. */
  docNo: string;
  /** The 一、攻坚目标 text (paragraphs joined by line breaks). */
  goals: string;
  /** 召集人 as written in 三、推进机制. */
  convener: string;
  /** 副召集人 as written. */
  deputyConveners: string;
  /** 成员单位 in order, 等 removed. */
  members: string[];
  /** 专班办公室设在 X → X. */
  officeAt: string;
  /** Section names as written, numbering included, in order. */
  sections: string[];
}

/** The draft checklist read from the body text of a plan document. */
export interface ParsedPlanText {
  plans: ParsedPlan[];
  /** All tasks in document order. */
  items: DraftItem[];
  problems: DraftProblem[];
}

/**
 * Reads pasted (PDF-extracted) plan text into plans, tasks and problems. Pure: no I/O, never
 * throws on odd input; text that is no plan gives no plans and no items.
 */
export function parsePlanText(text: string, opts: { file?: string } = {}): ParsedPlanText {
  const structure = readStructure(splitParagraphs(text), opts.file);
  const items: DraftItem[] = [];
  const problems: DraftProblem[] = [...structure.problems];
  for (const task of structure.tasks) {
    const { item, problem } = buildTaskItem(task, opts.file);
    items.push(item);
    if (problem) problems.push(problem);
  }
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { plans: structure.plans.map(toParsedPlan), items, problems };
}

function toParsedPlan(plan: PlanDraft): ParsedPlan {
  return {
    title: plan.title,
    campaign: plan.campaign,
    attachmentNo: plan.attachmentNo,
    parentTitle: plan.parentTitle,
    docNo: plan.docNo,
    goals: plan.goals.join('\n'),
    ...parseTaskForce(plan.mechanism.join('\n')),
    sections: plan.sections,
  };
}
