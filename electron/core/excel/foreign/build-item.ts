import type { DraftItem, DraftProblem } from '../../import/draft';
import type { CellValue } from '../workbook';
import { parseDeadline } from '../../parse/deadline';
import { extractTargets } from '../../parse/quantity';
import { isHierarchicalCode, normalizeCellText, normalizeDigitsAndLetters, parseNumbering, tidyMultiline, toHalfWidth } from '../../parse/text-normalize';
import { isJointPhrase, parseUnitCell, type ParsedUnitCell, type UnitRole } from '../../parse/unit-list';
import { columnLetter, type FieldColumns } from './column-map';
import { planFromTitle, type PlanName } from './plan-name';
import { FIELD_LABELS, type ForeignField } from './synonyms';

export interface ItemContext {
  fileName: string;
  sheetName: string;
  /** Columns of each field (columnsByField of the sheet's mapping). */
  columns: FieldColumns;
  headers: readonly string[];
  plan: PlanName;
  /** Year for deadlines written without one. */
  year: number;
}

export interface ItemPlace {
  section: string | null;
  group: string | null;
  /** Number of the item inside its section / group. */
  no: number;
}

const MAX_DERIVED_TITLE = 30;

/** Builds one DraftItem from a data row, with the row's problems. Null item: nothing to import. */
export function buildItem(
  values: readonly CellValue[],
  r: number,
  ctx: ItemContext,
  place: ItemPlace,
): { item: DraftItem | null; problems: DraftProblem[] } {
  const problems: DraftProblem[] = [];
  const warn = (message: string, column?: number): void => {
    problems.push(problem(ctx, r, message, column));
  };
  const { title, content, code } = titleContentCode(values, ctx.columns);
  if (title === '' && content === '') {
    warn(`第${r + 1}行没有任务名称和具体内容，已跳过`);
    return { item: null, problems };
  }
  const units = readUnits(values, ctx.columns);
  checkUnits(units, values, ctx, r, warn);
  const item: DraftItem = {
    plan: ctx.plan.plan,
    campaign: ctx.plan.campaign,
    section: place.section,
    group: place.group,
    // 3-1, 1.2, （一）1 are kept as the list writes them; a running 序号 (7, 8 …) gives way to the number in the section.
    no: isHierarchicalCode(code) ? code : String(place.no),
    title,
    content,
    // Exact-length copies: an array grown by push keeps room for 17 entries, and 50,000 items
    // hold three unit lists and a target list each.
    lead: units.lead.slice(),
    resp: units.resp.slice(),
    coop: units.coop.slice(),
    kind: units.lead.length === 0 && units.resp.length > 0 ? 'joint' : 'lead',
    source: { file: ctx.fileName, sheet: ctx.sheetName, row: r + 1 },
  };
  if (code !== '') item.code = code;
  addPlace(item, values, ctx.columns);
  addDeadline(item, values, ctx, r, warn);
  addTexts(item, values, ctx.columns);
  return { item, problems };
}

/**
 * A 所属方案 / 章节 column (a whole office list exported at once holds several plans) files the row
 * under the plan and section it names; an empty cell keeps the sheet's plan and section heading.
 */
function addPlace(item: DraftItem, values: readonly CellValue[], columns: FieldColumns): void {
  const plan = normalizeCellText(fieldText(values, columns, 'plan', ' '));
  if (plan !== '') {
    // 攻坚方向「（一）内需扩量提效攻坚」names the plan 内需扩量提效攻坚实施方案, as a title row would.
    // A cell that names its own 方案 is kept as written (quotes and all: 湖南省实施“七大攻坚”总体方案).
    const numbering = parseNumbering(plan);
    const rest = numbering && numbering.rest !== '' ? numbering.rest : plan;
    const named = planFromTitle(rest);
    item.plan = /方案$/.test(rest) ? rest : (named?.plan ?? plan);
    item.campaign = named?.campaign ?? plan;
  }
  const section = normalizeCellText(fieldText(values, columns, 'section', ' '));
  if (section !== '') item.section = section;
}

function problem(ctx: ItemContext, r: number, message: string, column?: number): DraftProblem {
  const located: DraftProblem = { file: ctx.fileName, sheet: ctx.sheetName, row: r + 1, severity: 'warning', message };
  if (column !== undefined) located.column = columnLetter(column);
  return located;
}

function rawText(values: readonly CellValue[], columns: readonly number[], joiner: string): string {
  return columns
    .map((c) => values[c])
    .filter((v): v is Exclude<CellValue, null> => v !== null && v !== undefined)
    .map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v)))
    .filter((t) => t.trim() !== '')
    .join(joiner);
}

function fieldText(values: readonly CellValue[], columns: FieldColumns, field: ForeignField, joiner = '\n'): string {
  return rawText(values, columns[field], joiner);
}

function titleContentCode(values: readonly CellValue[], columns: FieldColumns): { title: string; content: string; code: string } {
  // Full-width digits and letters become half-width; Chinese punctuation stays as the plan wrote it.
  let title = normalizeDigitsAndLetters(normalizeCellText(fieldText(values, columns, 'title', ' ')));
  const content = normalizeDigitsAndLetters(tidyMultiline(fieldText(values, columns, 'content')));
  let code = toHalfWidth(normalizeCellText(fieldText(values, columns, 'code', ' ')));
  const numbering = parseNumbering(title);
  if (numbering && numbering.level >= 3 && numbering.rest !== '') {
    code = code === '' ? numbering.label : code;
    title = numbering.rest;
  }
  if (title === '' && content !== '') title = titleFromContent(content);
  return { title, content, code };
}

/** The content's first sentence (推动增收减负。…) when short, else its first words with an ellipsis. */
function titleFromContent(content: string): string {
  const first = content.split(/[。；;\n]/)[0].trim();
  if (first.length <= MAX_DERIVED_TITLE) return first;
  return `${first.slice(0, MAX_DERIVED_TITLE)}…`;
}

function readUnits(values: readonly CellValue[], columns: FieldColumns): ParsedUnitCell {
  const acc: ParsedUnitCell = { lead: [], resp: [], coop: [], joint: false };
  const roles: readonly UnitRole[] = ['lead', 'resp', 'coop'];
  for (const role of roles) {
    for (const column of columns[role]) {
      const parsed = parseUnitCell(rawText(values, [column], '\n'), role);
      for (const r of roles) parsed[r].forEach((u) => acc[r].includes(u) || acc[r].push(u));
      acc.joint = acc.joint || parsed.joint;
    }
  }
  // 备注「按职责分工负责」with no 配合 units: the listed units share the task (joint, all 负责).
  const note = fieldText(values, columns, 'note');
  if ((acc.joint || isJointPhrase(note)) && acc.coop.length === 0 && acc.lead.length > 0) {
    acc.resp = [...acc.lead, ...acc.resp.filter((u) => !acc.lead.includes(u))];
    acc.lead = [];
    acc.joint = true;
  }
  return acc;
}

function checkUnits(
  units: ParsedUnitCell,
  values: readonly CellValue[],
  ctx: ItemContext,
  r: number,
  warn: (message: string, column?: number) => void,
): void {
  if (units.lead.length > 0 || units.resp.length > 0) return;
  const column = ctx.columns.lead[0] ?? ctx.columns.resp[0];
  if (column === undefined) return;
  const header = ctx.headers[column] || FIELD_LABELS.lead;
  const written = rawText(values, [column], ' ').trim();
  const why = written === '' ? '为空' : `「${written}」中没有可识别的单位`;
  warn(`第${r + 1}行 ${columnLetter(column)}列「${header}」${why}`, column);
}

function addDeadline(
  item: DraftItem,
  values: readonly CellValue[],
  ctx: ItemContext,
  r: number,
  warn: (message: string, column?: number) => void,
): void {
  const column = ctx.columns.deadline[0];
  const raw = column === undefined ? null : values[column];
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return;
  const parsed = parseDeadline(raw, { year: ctx.year });
  item.deadlineText = parsed.text;
  item.deadlineDate = parsed.date;
  if (parsed.date === null && !parsed.ongoing) {
    const header = ctx.headers[column] || FIELD_LABELS.deadline;
    warn(`第${r + 1}行 ${columnLetter(column)}列「${header}」「${parsed.text}」无法识别为日期，已按原文保留`, column);
  }
}

function addTexts(item: DraftItem, values: readonly CellValue[], columns: FieldColumns): void {
  const note = tidyMultiline(fieldText(values, columns, 'note'));
  if (note !== '') item.note = note;
  const leader = normalizeCellText(fieldText(values, columns, 'leader', ' '));
  if (leader !== '') item.leader = leader;
  const progress = tidyMultiline(fieldText(values, columns, 'progress'));
  if (progress !== '') item.progress = progress;
  const targetText = fieldText(values, columns, 'targets');
  const targets = extractTargets(targetText !== '' ? targetText : item.content);
  if (targets.length > 0) item.targets = targets.slice();
}
