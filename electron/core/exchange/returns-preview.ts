import type { Database, Statement } from 'better-sqlite3';
import {
  TEMPLATE_FIELD_LABELS, type ReturnConflict, type ReturnFilePreview, type ReturnProblem, type ReturnsPreview, type TemplateField,
} from '../../../shared/contract/schemas/exchange';
import { parseRatio, parseStatus, parseValue, cellString, type Parsed } from './cell-parse';
import { combineUnits, itemUnitsReader, type Combined, type ItemUnits, type ParsedFill } from './returns-combine';
import { matchRows, type MatchedRow } from './returns-match';
import { readReturnedFile } from './returns-read';
import { keepPlan, planKey, returnedWorkbooks, takePlan } from './returns-parsed';
import { planExtensionRequests, type PlannedExtension } from './returns-extensions';
import { planClosureRequests, type PlannedClosure } from './returns-closures';
import { localDate } from '../context';
import { columnLetter, problemMaker, type ReturnedFile, type ReturnedSheet } from './returns-types';
import { ITEM_BACKED, itemValuesBulkReader, itemColumn, reportValues, sameValue, showValue, type FillValues } from './template-fields';

/** A reports row to insert (existingId null) or update. */
export interface ReportWrite {
  key: string;
  itemId: number;
  periodId: number;
  unitId: number;
  existingId: number | null;
  values: FillValues;
}

/** One item field to set. */
export interface ItemWrite {
  itemId: number;
  field: TemplateField;
  column: string;
  before: unknown;
  after: unknown;
}

/** What applying would write, and the preview the user sees. */
export interface ReturnsPlan {
  preview: ReturnsPreview;
  files: ReturnedFile[];
  reports: ReportWrite[];
  items: ItemWrite[];
  keptMine: number;
  tookTheirs: number;
  /** 申请延期 rows to record as pending requests. */
  extensions: PlannedExtension[];
  closures: PlannedClosure[];
}

type Decisions = Readonly<Record<string, 'mine' | 'theirs'>>;
type Problem = ReturnType<typeof problemMaker>;

interface Env {
  db: Database;
  decisions: Decisions;
  items: Map<number, ItemState>;
  reports: Map<string, { id: number | null; values: FillValues }>;
  plan: ReturnsPlan;
  /** Statements compiled once per plan: each reads a whole returned sheet's rows at once. */
  itemNow: ReturnType<typeof itemValuesBulkReader>;
  unitsOf: ReturnType<typeof itemUnitsReader>;
  reportsOf: Statement<[number, number], Record<string, unknown>>;
}

const EMPTY: FillValues = { status: null, ratio: null, value: null, progressText: '', problems: '', nextSteps: '' };

function parseField(field: TemplateField, cell: Parameters<typeof cellString>[0], targetUnit: string): Parsed<FillValues[TemplateField]> {
  if (field === 'status') return parseStatus(cell);
  if (field === 'ratio') return parseRatio(cell);
  if (field === 'value') return parseValue(cell, targetUnit);
  return { value: cellString(cell) };
}

/** The unit's reports of the period as stored, by item (an earlier file of this plan may have changed some: see env.reports). */
function storedReports(env: Env, periodId: number, unitId: number): Map<number, { id: number; values: FillValues }> {
  return new Map(env.reportsOf.all(periodId, unitId).map((r) => [r.item_id as number, { id: r.id as number, values: reportValues(r) }]));
}

/** The values a row reports: asked fields as read; a field that cannot be read keeps its earlier value. */
function rowValues(s: ReturnedSheet, m: MatchedRow, base: FillValues, problem: Problem): FillValues {
  const out: FillValues = { ...base };
  for (const field of s.template.fields) {
    const col = s.columns.get(field);
    if (col === undefined) continue;
    const parsed = parseField(field, m.read.cells[field] ?? null, m.issued.snapshot.targetUnit);
    // built only for a problem: most cells have none
    const where = () => ({ sheet: s.sheet, row: m.read.row, column: `${columnLetter(col)}（${TEMPLATE_FIELD_LABELS[field]}）` });
    if (parsed.error) {
      problem('error', parsed.error, where());
      continue;
    }
    if (parsed.warning) problem('warning', parsed.warning, where());
    (out as unknown as Record<string, unknown>)[field] = parsed.value;
  }
  return out;
}

const forItem = (field: TemplateField, v: FillValues[TemplateField] | null | undefined) => (field === 'ratio' && typeof v === 'number' ? Math.round(v) : v);

/** The item as the office holds it now (as this plan would leave it) and its lead and responsible units' words. */
interface ItemState {
  cur: Partial<FillValues>;
  units: ItemUnits;
}

/** Reads the items this plan has not seen yet, all at once; later rows see the plan's own changes. */
function loadStates(env: Env, itemIds: readonly number[], periodId: number): void {
  const fresh = [...new Set(itemIds)].filter((id) => !env.items.has(id));
  if (!fresh.length) return;
  const now = env.itemNow(fresh);
  const units = env.unitsOf(fresh, periodId);
  for (const id of fresh) env.items.set(id, { cur: { ...now.get(id)!.values }, units: units.get(id)! });
}

function stateOf(env: Env, itemId: number, periodId: number): ItemState {
  loadStates(env, [itemId], periodId);
  return env.items.get(itemId)!;
}

/** The value taking theirs gives the item: the unit's own, or (an item several units share) the combination with its report in. */
function theirs(field: TemplateField, r: FillValues[TemplateField] | undefined, target: FillValues[TemplateField] | undefined): string {
  return sameValue(r, target) ? showValue(field, r) : `${showValue(field, target)}（按合并规则；本单位报 ${showValue(field, r)}）`;
}

/**
 * Item fields a row changes, and its conflicts. Each lead or responsible unit keeps its own report;
 * the item takes the units' combined value (COMBINE_RULE). A conflict is only the office's own change:
 * the item's field is neither what it was at issue nor what the units' words combined to before this
 * row (the office changed it by hand after issuing), and the unit changed the field too. Another
 * unit's report is never a conflict. The value at issue is the snapshot's `item` (a unit sent its own
 * last report on a shared item) or its fill.
 */
function itemChanges(env: Env, s: ReturnedSheet, m: MatchedRow, returned: FillValues, base: FillValues, conflicts: ReturnConflict[]) {
  const changes: { field: TemplateField; label: string; before: string; after: string }[] = [];
  const snap = m.issued.snapshot;
  if (snap.role === 'coop') return changes;
  const t = s.template;
  const st = stateOf(env, m.issued.itemId, t.periodId);
  const before = combineUnits(st.units);
  st.units.units.set(t.unitId, { unitId: t.unitId, unitName: t.unitName, values: returned, reported: true });
  const after = combineUnits(st.units);
  const cur = st.cur;
  const atIssue = snap.item ?? snap.fill;
  for (const field of t.fields.filter((f) => ITEM_BACKED.includes(f) && s.columns.has(f))) {
    const column = itemColumn(field, snap.kind);
    const r = forItem(field, returned[field]);
    const seen = forItem(field, base[field]);
    const target = after[field as keyof Combined];
    if (!column || r === null || sameValue(r, seen) || target === null || sameValue(cur[field], target)) continue;
    const was = forItem(field, atIssue[field]);
    const combined = before[field as keyof Combined];
    if (!sameValue(cur[field], was) && (combined === null || !sameValue(cur[field], combined))) {
      const key = `${t.periodId}:${t.unitId}:${m.issued.itemId}:${field}`;
      conflicts.push({ key, itemId: m.issued.itemId, code: snap.identity.code, title: snap.identity.title, unitName: t.unitName, field, label: TEMPLATE_FIELD_LABELS[field], issued: showValue(field, seen), current: showValue(field, cur[field]), returned: theirs(field, r, target) });
      if (env.decisions[key] !== 'theirs') {
        env.plan.keptMine++;
        continue;
      }
      env.plan.tookTheirs++;
    }
    changes.push({ field, label: TEMPLATE_FIELD_LABELS[field], before: showValue(field, cur[field]), after: showValue(field, target) });
    env.plan.items.push({ itemId: m.issued.itemId, field, column, before: cur[field] ?? null, after: target });
    (cur as Record<string, unknown>)[field] = target;
  }
  return changes;
}

/** Names of the item's lead and responsible units when there are several (the preview shows the rule then). */
function sharedBy(env: Env, itemId: number): string[] {
  const units = env.items.get(itemId)?.units.units;
  return units && units.size > 1 ? [...units.values()].map((u) => u.unitName) : [];
}

/** Any fill cell of the row differs from what was issued (read quietly: problems come later, once). */
function hasInput(s: ReturnedSheet, m: MatchedRow): boolean {
  const fill = m.issued.snapshot.fill;
  return s.template.fields.some((field) => {
    if (!s.columns.has(field)) return false;
    const cell = m.read.cells[field] ?? null;
    const parsed = parseField(field, cell, m.issued.snapshot.targetUnit);
    if (parsed.error) return cellString(cell) !== '';
    return !sameValue(parsed.value, fill[field]);
  });
}

function sameFill(a: FillValues, b: FillValues): boolean {
  return (Object.keys(EMPTY) as TemplateField[]).every((f) => sameValue(a[f], b[f]));
}

/** Adds one returned sheet to the file's preview; answers whether any of its rows had input. */
function processSheet(env: Env, f: ReturnedFile, s: ReturnedSheet, out: ReturnFilePreview, problem: Problem): boolean {
  const t = s.template;
  const { matched, missing } = matchRows(env.db, s, problem);
  out.missingRows.push(...missing.map((i) => ({ itemId: i.itemId, code: i.snapshot.identity.code, title: i.snapshot.identity.title, unitName: t.unitName })));
  // A row whose fill cells all still hold what was issued has no input: it is not a report.
  const withInput = matched.filter((m) => hasInput(s, m));
  const stored = withInput.length ? storedReports(env, t.periodId, t.unitId) : new Map();
  const staged = withInput.map((m) => {
    const key = `${m.issued.itemId}:${t.periodId}:${t.unitId}`;
    const prior = env.reports.get(key) ?? stored.get(m.issued.itemId) ?? null;
    return { m, key, prior, values: rowValues(s, m, prior?.values ?? { ...m.issued.snapshot.fill }, problem) };
  });
  if (!staged.length) {
    if (f.multiSheet) problem('info', `「${t.unitName}」的工作表未填写（与下发内容相同），已跳过`, { sheet: s.sheet });
    return false;
  }
  loadStates(env, staged.filter((x) => x.m.issued.snapshot.role !== 'coop').map((x) => x.m.issued.itemId), t.periodId);
  for (const x of staged) {
    const report = !x.prior ? 'new' : sameFill(x.prior.values, x.values) ? 'unchanged' : 'changed';
    if (report !== 'unchanged') env.plan.reports.push({ key: x.key, itemId: x.m.issued.itemId, periodId: t.periodId, unitId: t.unitId, existingId: x.prior?.id ?? null, values: x.values });
    env.reports.set(x.key, { id: x.prior?.id ?? null, values: x.values });
    const conflicts: ReturnConflict[] = [];
    const changes = itemChanges(env, s, x.m, x.values, x.prior?.values ?? x.m.issued.snapshot.fill, conflicts);
    out.conflicts.push(...conflicts);
    const values = Object.fromEntries(t.fields.map((fl) => [fl, showValue(fl, x.values[fl])]));
    const seen = x.prior?.values ?? x.m.issued.snapshot.fill;
    const unitChanges = t.fields
      .filter((fl) => !sameValue(seen[fl], x.values[fl]))
      .map((fl) => ({ field: fl, label: TEMPLATE_FIELD_LABELS[fl], before: showValue(fl, seen[fl]), after: showValue(fl, x.values[fl]) }));
    const id = x.m.issued.snapshot.identity;
    out.rows.push({ sheet: s.sheet, row: x.m.read.row, itemId: x.m.issued.itemId, code: id.code, title: id.title, matchedBy: x.m.matchedBy, report, values, changes: unitChanges, itemChanges: changes, conflicts: conflicts.map((c) => c.key), sharedBy: sharedBy(env, x.m.issued.itemId) });
  }
  if (!out.unitNames.includes(t.unitName)) out.unitNames.push(t.unitName);
  out.periodId ??= t.periodId;
  out.periodName ||= t.periodName;
  return true;
}

const ZERO_COUNTS: ReturnFilePreview['counts'] = { rows: 0, newReports: 0, changedReports: 0, unchangedReports: 0, itemUpdates: 0, conflicts: 0, errors: 0, warnings: 0 };

function fileCounts(out: ReturnFilePreview): ReturnFilePreview['counts'] {
  const by = (s: string) => out.rows.filter((r) => r.report === s).length;
  const level = (l: ReturnProblem['level']) => out.problems.filter((p) => p.level === l).length;
  return { rows: out.rows.length, newReports: by('new'), changedReports: by('changed'), unchangedReports: by('unchanged'), itemUpdates: out.rows.reduce((n, r) => n + r.itemChanges.length, 0), conflicts: out.conflicts.length, errors: level('error'), warnings: level('warning') };
}

function previewFile(env: Env, f: ReturnedFile): ReturnFilePreview {
  const out: ReturnFilePreview = { name: f.name, ok: false, blank: false, periodId: null, periodName: '', unitNames: [], rows: [], missingRows: [], problems: [...f.problems], conflicts: [], counts: { ...ZERO_COUNTS } };
  const problem = problemMaker(f.name, out.problems);
  const withInput = f.sheets.filter((s) => processSheet(env, f, s, out, problem)).length;
  out.blank = f.sheets.length > 0 && withInput === 0;
  if (out.blank) {
    const units = f.sheets.map((s) => s.template.unitName).join('、');
    problem('info', `退回空表：「${units}」退回的模板没有填写任何内容（与下发内容相同），未导入，该单位仍在催报名单中`);
    out.missingRows = [];
  }
  out.ok = out.rows.length > 0;
  out.counts = fileCounts(out);
  return out;
}

/** The issued rows the sheets read already parsed: the units' words reuse them instead of parsing each snapshot again. */
function issuedFills(files: readonly ReturnedFile[]): ParsedFill {
  const fills = new Map<string, FillValues>();
  for (const s of files.flatMap((f) => f.sheets)) for (const i of s.issued) fills.set(`${s.template.periodId}:${s.template.unitId}:${i.itemId}`, i.snapshot.fill);
  return (periodId, unitId, itemId) => fills.get(`${periodId}:${unitId}:${itemId}`);
}

/**
 * Reads returned templates and works out, without writing, what applying them would do: reports to
 * write, item fields to update, conflicts, and every problem with file, sheet, row and column.
 * Files are taken in order, so a later file sees what an earlier one would change. `forApply`:
 * the plan is about to be written (the workbooks a preview kept are used up).
 */
export async function planReturns(db: Database, files: readonly { name: string; bytes: Uint8Array }[], periodId?: number, decisions: Decisions = {}, today = localDate(new Date()), forApply = false): Promise<ReturnsPlan> {
  const key = planKey(db, files, periodId, today);
  const kept = forApply ? takePlan<ReturnsPlan>(db, key) : undefined;
  if (kept && kept.preview.counts.conflicts === 0) {
    // the workbooks the preview kept are not needed: the plan is applied as it is
    returnedWorkbooks(false).done();
    return kept;
  }
  const read: ReturnedFile[] = [];
  // A preview keeps the parsed workbooks for the apply that follows; the apply takes and drops them.
  const workbooks = returnedWorkbooks(!forApply);
  for (const f of files) read.push(await readReturnedFile(db, f, periodId, workbooks));
  workbooks.done();
  const plan: ReturnsPlan = { preview: { files: [], counts: { files: 0, okFiles: 0, blankFiles: 0, ...{ ...ZERO_COUNTS } } }, files: read, reports: [], items: [], keptMine: 0, tookTheirs: 0, extensions: [], closures: [] };
  const reportsOf = db.prepare<[number, number], Record<string, unknown>>('SELECT * FROM reports WHERE period_id = ? AND unit_id = ?');
  const env: Env = { db, decisions, items: new Map(), reports: new Map(), plan, itemNow: itemValuesBulkReader(db), unitsOf: itemUnitsReader(db, issuedFills(read)), reportsOf };
  const previews = read.map((f) => previewFile(env, f));
  plan.extensions = planExtensionRequests(db, read, previews, today);
  plan.closures = planClosureRequests(db, read, previews);
  const sum = (k: keyof ReturnFilePreview['counts']) => previews.reduce((n, p) => n + p.counts[k], 0);
  plan.preview = {
    files: previews,
    counts: { files: previews.length, okFiles: previews.filter((p) => p.ok).length, blankFiles: previews.filter((p) => p.blank).length, rows: sum('rows'), newReports: sum('newReports'), changedReports: sum('changedReports'), unchangedReports: sum('unchangedReports'), itemUpdates: sum('itemUpdates'), conflicts: sum('conflicts'), errors: sum('errors'), warnings: sum('warnings') },
  };
  if (!forApply) keepPlan(db, key, plan);
  return plan;
}
