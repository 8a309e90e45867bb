import type { DraftProblem } from '../draft';
import {
  ATTACHMENT_LINE_RE,
  ATTACHMENT_LIST_RE,
  ITEM_RE,
  LEVEL1_RE,
  SECTION_RE,
  SUBITEM_RE,
  campaignOf,
  isPlanTitle,
} from './numbering';
import type { Paragraph } from './paragraphs';
import { joinFragments } from './paragraphs';
import { cutTrailingClause } from './unit-parentheses';

/** A plan as the structure pass found it, before its 推进机制 text is read. */
export interface PlanDraft {
  title: string;
  campaign: string;
  attachmentNo: string | null;
  parentTitle: string | null;
  docNo: string;
  goals: string[];
  mechanism: string[];
  sections: string[];
}

/** A numbered task paragraph with its place in the plan; `body` is the text after the number. */
export interface TaskDraft {
  plan: PlanDraft;
  section: string | null;
  group: string | null;
  no: string;
  body: string;
  line: number;
}

type Region = 'goals' | 'tasks' | 'mechanism' | 'other' | 'end';

interface State {
  plans: PlanDraft[];
  tasks: TaskDraft[];
  problems: DraftProblem[];
  file?: string;
  plan: PlanDraft | null;
  region: Region;
  section: string | null;
  group: string | null;
  pendingAttachment: { no: string; line: number } | null;
  pendingDocNo: string | null;
  attachmentIndex: Map<string, string>;
}

const DOC_NO_RE = /^[\u4e00-\u9fa5]{2,10}\s*[〔[［(（]\d{4}[〕\]］)）]\s*\d{1,4}\s*号$/;

/**
 * Walks the paragraphs of a plan document and finds plans (title lines, 附件 N lines, the
 * attachment list of the overall plan), their 攻坚目标 / 攻坚任务 / 推进机制 parts, sections,
 * sub-groups and numbered tasks. Everything before the first plan title (the 文件处理单 and the
 * cover letter) is skipped except a 文号 line, which goes to the overall plan.
 */
export function readStructure(
  paragraphs: readonly Paragraph[],
  file?: string,
): { plans: PlanDraft[]; tasks: TaskDraft[]; problems: DraftProblem[] } {
  const state: State = {
    plans: [],
    tasks: [],
    problems: [],
    file,
    plan: null,
    region: 'other',
    section: null,
    group: null,
    pendingAttachment: null,
    pendingDocNo: null,
    attachmentIndex: new Map(),
  };
  paragraphs.forEach((p, i) => visit(state, p, paragraphs[i + 1]));
  return { plans: state.plans, tasks: state.tasks, problems: state.problems };
}

function visit(state: State, p: Paragraph, next: Paragraph | undefined): void {
  const attachment = ATTACHMENT_LINE_RE.exec(p.text);
  if (attachment) {
    state.pendingAttachment = { no: attachment[1], line: p.line };
  } else if (isPlanTitle(p.text)) {
    startPlan(state, p);
  } else if (DOC_NO_RE.test(p.text)) {
    state.pendingDocNo = p.text.replace(/\s+/g, '');
  } else if (state.plan && /^抄送[:：]/.test(p.text)) {
    state.region = 'end';
  } else if (state.plan) {
    visitInPlan(state, state.plan, p, next);
  }
}

function visitInPlan(state: State, plan: PlanDraft, p: Paragraph, next: Paragraph | undefined): void {
  const listed = plan.parentTitle === null ? ATTACHMENT_LIST_RE.exec(p.text) : null;
  const level1 = LEVEL1_RE.exec(p.text);
  if (listed) {
    state.attachmentIndex.set(listed[2], listed[1]);
  } else if (level1) {
    state.region = regionOf(level1[1]);
    state.section = null;
    state.group = null;
  } else if (state.region === 'goals') {
    plan.goals.push(p.text);
  } else if (state.region === 'mechanism') {
    plan.mechanism.push(p.text);
  } else if (state.region === 'tasks') {
    visitTaskRegion(state, plan, p, next);
  }
}

function regionOf(heading: string): Region {
  if (/目标/.test(heading)) return 'goals';
  if (/任务|重点|举措/.test(heading)) return 'tasks';
  if (/机制|组织|保障|实施/.test(heading)) return 'mechanism';
  return 'other';
}

function startPlan(state: State, p: Paragraph): void {
  const overall = state.plans.find((plan) => plan.parentTitle === null && plan.attachmentNo === null);
  const listed = state.attachmentIndex.get(p.text) ?? null;
  const written = state.pendingAttachment?.no ?? null;
  if (overall && written === null && listed !== null) {
    warn(state, p.line, `“${p.text}”前缺少“附件 ${listed}”标题行，已按总体方案的附件列表定为附件 ${listed}`);
  } else if (written !== null && listed !== null && written !== listed) {
    warn(state, p.line, `“${p.text}”标为附件 ${written}，但附件列表中为附件 ${listed}，已采用附件 ${written}`);
  }
  const attachmentNo = written ?? listed;
  const isChild = overall !== undefined && (attachmentNo !== null || /实施方案$/.test(p.text));
  const plan: PlanDraft = {
    title: p.text,
    campaign: campaignOf(p.text),
    attachmentNo,
    parentTitle: isChild ? overall.title : null,
    docNo: isChild ? '' : (state.pendingDocNo ?? ''),
    goals: [],
    mechanism: [],
    sections: [],
  };
  state.plans.push(plan);
  state.plan = plan;
  state.region = 'other';
  state.section = null;
  state.group = null;
  state.pendingAttachment = null;
  state.pendingDocNo = null;
}

/**
 * Inside 攻坚任务: （一） headings are sections; "1. X" is a task, or a sub-heading (group) when
 * the paragraph after it is a （1） item; （1） items are tasks numbered straight through the
 * section. Why: in attachment 7 (一)办好十大重点民生实事 the ten "1. 促进教育高质量发展" lines are
 * bare headings (no 。, no units), while the 24 （1）…（24） items carry the targets and a
 * （牵头单位：…） each, i.e. they are the assignable tasks; counting them gives the seed's 150.
 * An unnumbered paragraph continues the task before it while that task still lacks its unit
 * clause (a page break right after a 。).
 */
function visitTaskRegion(state: State, plan: PlanDraft, p: Paragraph, next: Paragraph | undefined): void {
  const section = SECTION_RE.exec(p.text);
  const item = section ? null : ITEM_RE.exec(p.text);
  const subItem = section || item ? null : SUBITEM_RE.exec(p.text);
  if (section) {
    const name = p.text.split('。')[0];
    plan.sections.push(name);
    state.section = name;
    state.group = null;
  } else if (item && next !== undefined && SUBITEM_RE.test(next.text)) {
    state.group = p.text;
  } else if (item || subItem) {
    const m = (item ?? subItem) as RegExpExecArray;
    const { section: sec, group } = state;
    state.tasks.push({ plan, section: sec, group, no: m[1], body: m[2], line: p.line });
  } else {
    continueTask(state, plan, p);
  }
}

function continueTask(state: State, plan: PlanDraft, p: Paragraph): void {
  const last = state.tasks[state.tasks.length - 1];
  if (last && last.plan === plan && cutTrailingClause(last.body).clause === null) {
    last.body = joinFragments(last.body, p.text);
    return;
  }
  warn(state, p.line, `攻坚任务中有一段未编号的文字，未能归入任何任务，已忽略：${p.text.slice(0, 30)}`);
}

function warn(state: State, row: number, message: string): void {
  const problem: DraftProblem = { row, severity: 'warning', message };
  state.problems.push(state.file === undefined ? problem : { file: state.file, ...problem });
}
