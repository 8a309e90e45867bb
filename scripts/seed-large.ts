/**
 * Seeds a database with many generated items, to check that lists stay instant:
 *   npm run seed:large -- --db data/large.sqlite --count 100000 [--mix task:70,project:15,policy:10,indicator:5] [--seed 1] [--reports 1000000 --periods 10]
 * Everything goes in through the real schema (migrations run on open) in one transaction with
 * prepared statements; deadlines are resolved by the core's own rule; units get 牵头/负责/配合 roles.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Database } from 'better-sqlite3';
import { ITEM_KINDS, type ItemKind, type ItemStatus } from '../shared/contract/schemas/items';
import { openDatabase } from '../electron/core/db/open-database';
import { withTitleKey } from '../electron/core/names/title-key';
import { createUnitsRepository } from '../electron/core/repositories/units-repository';
import { resolveDeadline } from '../electron/core/services/deadline-value';
import * as W from './seed-large-data';

interface Options {
  db: string;
  count: number;
  mix: Record<ItemKind, number>;
  seed: number;
}

function parseArgs(argv: readonly string[]): Options {
  const get = (name: string) => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const db = get('db');
  if (!db) throw new Error('用法：npm run seed:large -- --db 数据库路径 --count 100000 [--mix task:70,project:15,policy:10,indicator:5]');
  const mix = Object.fromEntries(ITEM_KINDS.map((k) => [k, 0])) as Record<ItemKind, number>;
  for (const part of (get('mix') ?? 'task:70,project:15,policy:10,indicator:5').split(',')) {
    const [kind, weight] = part.split(':');
    if (!(ITEM_KINDS as readonly string[]).includes(kind)) throw new Error(`--mix 中的类型「${kind}」不认识`);
    mix[kind as ItemKind] = Number(weight);
  }
  return { db: resolve(db), count: Number(get('count') ?? 100000), mix, seed: Number(get('seed') ?? 1) };
}

/** A small seeded generator, so the same arguments give the same database. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)];
  return { next, int, pick };
}
type Rng = ReturnType<typeof rng>;

function ensurePlans(db: Database, at: string): { planId: number; sectionIds: number[] }[] {
  const existing = db.prepare('SELECT id FROM plans WHERE id IN (SELECT plan_id FROM sections) ORDER BY sort, id').all() as { id: number }[];
  if (!existing.length) {
    const addPlan = db.prepare("INSERT INTO plans(title, origin, sort, created_at, updated_at) VALUES (?, 'upper', ?, ?, ?)");
    const addSection = db.prepare('INSERT INTO sections(plan_id, name, sort) VALUES (?, ?, ?)');
    W.PLAN_TITLES.forEach(([title, sections], n) => {
      const id = Number(addPlan.run(title, n + 1, at, at).lastInsertRowid);
      sections.forEach((s, k) => addSection.run(id, s, k + 1));
    });
  }
  const plans = db.prepare('SELECT id FROM plans WHERE id IN (SELECT plan_id FROM sections) ORDER BY sort, id').all() as { id: number }[];
  const sections = db.prepare('SELECT id FROM sections WHERE plan_id = ? ORDER BY sort, id');
  return plans.map((p) => ({ planId: p.id, sectionIds: (sections.all(p.id) as { id: number }[]).map((s) => s.id) }));
}

function ensureUnits(db: Database, at: string): number[] {
  const units = createUnitsRepository(db);
  for (const name of W.UNIT_NAMES) units.resolveOrCreate(name, at);
  for (const county of W.COUNTIES) units.resolveOrCreate(`${county}人民政府`, at);
  return (db.prepare('SELECT id FROM units ORDER BY id').all() as { id: number }[]).map((u) => u.id);
}

function pickKind(r: Rng, mix: Record<ItemKind, number>): ItemKind {
  const total = ITEM_KINDS.reduce((n, k) => n + mix[k], 0);
  let x = r.next() * total;
  for (const k of ITEM_KINDS) if ((x -= mix[k]) < 0) return k;
  return 'task';
}

const STATUS_WEIGHTS: [ItemStatus, number][] = [['not_started', 0.2], ['in_progress', 0.55], ['done', 0.2], ['suspended', 0.05]];

function pickStatus(r: Rng): ItemStatus {
  let x = r.next();
  for (const [s, w] of STATUS_WEIGHTS) if ((x -= w) < 0) return s;
  return 'in_progress';
}

const deadlineCache = new Map<string, string | null>();
function deadlineDate(text: string): string | null {
  if (!deadlineCache.has(text)) deadlineCache.set(text, resolveDeadline(text).date);
  return deadlineCache.get(text)!;
}

function kindFields(kind: ItemKind, r: Rng): Record<string, unknown> {
  if (kind === 'project') {
    const total = Math.round(1000 + r.next() * 200000);
    return { invest_total: total, invest_year_plan: Math.round(total * 0.4), invest_done: Math.round(total * 0.4 * r.next()), project_stage: r.pick(['前期', '在建', '竣工']) };
  }
  if (kind === 'policy') {
    return { policy_doc_no: `岳政办发〔2025〕${1 + r.int(60)}号`, policy_stage: r.pick(['起草', '征求意见', '审议', '已出台']), plan_issue_date: `2025-${String(1 + r.int(12)).padStart(2, '0')}-28` };
  }
  if (kind === 'indicator') {
    return { comparator: r.pick(['>=', '<=']), target_value: Math.round(r.next() * 1000) / 10, target_unit: r.pick(['%', '亿元', '万人', '个']), actual_value: Math.round(r.next() * 1000) / 10 };
  }
  return {};
}

const ITEM_COLUMNS = [
  'uid', 'kind', 'plan_id', 'section_id', 'code', 'seq', 'title', 'content', 'leader', 'deadline_text', 'deadline_date', 'status',
  'progress', 'progress_note', 'origin', 'invest_total', 'invest_year_plan', 'invest_done', 'project_stage', 'policy_doc_no',
  'policy_stage', 'plan_issue_date', 'comparator', 'target_value', 'target_unit', 'actual_value', 'created_at', 'updated_at', 'title_key',
];

function seed(db: Database, o: Options): void {
  const r = rng(o.seed);
  const at = new Date().toISOString();
  const plans = ensurePlans(db, at);
  const unitIds = ensureUnits(db, at);
  const insert = db.prepare(`INSERT INTO items(${ITEM_COLUMNS.join(', ')}) VALUES (${ITEM_COLUMNS.map((c) => `@${c}`).join(', ')})`);
  const assign = db.prepare('INSERT OR IGNORE INTO item_units(item_id, unit_id, role, sort) VALUES (?, ?, ?, ?)');
  const seqs = Object.fromEntries(
    ITEM_KINDS.map((k) => [k, (db.prepare('SELECT coalesce(max(seq), 0) AS s FROM items WHERE kind = ?').get(k) as { s: number }).s]),
  ) as Record<ItemKind, number>;
  for (let n = 0; n < o.count; n++) {
    const kind = pickKind(r, o.mix);
    const plan = r.pick(plans);
    const status = pickStatus(r);
    const deadline = r.pick(W.DEADLINES);
    const seq = ++seqs[kind];
    const updated = new Date(Date.UTC(2025, r.int(10), 1 + r.int(28), r.int(24), r.int(60))).toISOString();
    const id = Number(
      insert.run(withTitleKey({
        uid: randomUUID(), kind, plan_id: plan.planId, section_id: r.pick(plan.sectionIds), code: String(seq), seq,
        title: `${r.pick(W.VERBS)}${r.pick(W.OBJECTS)}${r.pick(W.SUFFIXES)}`,
        content: `${r.pick(W.CONTENT_PARTS)}${r.pick(W.CONTENT_PARTS)}${r.pick(W.CONTENT_PARTS)}`,
        leader: r.next() < 0.6 ? r.pick(W.LEADERS) : '', deadline_text: deadline, deadline_date: deadlineDate(deadline), status,
        progress: status === 'done' ? 100 : status === 'not_started' ? 0 : 5 * (1 + r.int(19)),
        progress_note: status === 'not_started' ? '' : r.pick(W.CONTENT_PARTS), origin: r.next() < 0.7 ? 'upper' : 'local',
        invest_total: null, invest_year_plan: null, invest_done: null, project_stage: null, policy_doc_no: '', policy_stage: null,
        plan_issue_date: null, comparator: null, target_value: null, target_unit: '', actual_value: null,
        ...kindFields(kind, r), created_at: updated, updated_at: updated,
      })).lastInsertRowid,
    );
    assign.run(id, r.pick(unitIds), 'lead', 0);
    for (let k = r.int(3); k > 0; k--) assign.run(id, r.pick(unitIds), 'resp', k);
    for (let k = r.int(5); k > 0; k--) assign.run(id, r.pick(unitIds), 'coop', k);
  }
}

/**
 * `periods` 双周 periods from 2025-01-01 and `reports` reports spread over them (each a lead unit's
 * report of one item), with plain prepared inserts; the period/unit index is built once at the end.
 */
function seedReports(db: Database, o: Options, periods: number, reports: number): void {
  const r = rng(o.seed + 1);
  const at = new Date().toISOString();
  const addPeriod = db.prepare("INSERT INTO periods(name, kind, start_date, end_date, due_date, closed, created_at) VALUES (?, '双周', ?, ?, ?, ?, ?)");
  const day = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  const ids: number[] = [];
  for (let p = 0; p < periods; p++) {
    ids.push(Number(addPeriod.run(`生成第${p + 1}期-${o.seed}`, day(p * 14), day(p * 14 + 13), day(p * 14 + 18), p < periods - 1 ? 1 : 0, at).lastInsertRowid));
  }
  const leads = db.prepare("SELECT item_id, unit_id FROM item_units WHERE role = 'lead'").raw().all() as [number, number][];
  const add = db.prepare(
    `INSERT OR IGNORE INTO reports(item_id, period_id, unit_id, progress_text, completion_ratio, problems, status, source, reported_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'typed', ?)`,
  );
  db.exec('DROP INDEX IF EXISTS reports_period_unit');
  const perPeriod = Math.min(leads.length, Math.ceil(reports / Math.max(1, periods)));
  for (let p = 0; p < ids.length; p++) {
    for (let k = 0; k < perPeriod && p * perPeriod + k < reports; k++) {
      const [item, unit] = leads[(k * 7919 + p) % leads.length];
      const ratio = 5 * (p + r.int(4));
      add.run(item, ids[p], unit, r.pick(W.CONTENT_PARTS), Math.min(100, ratio), r.next() < 0.2 ? r.pick(W.CONTENT_PARTS) : '', ratio >= 100 ? 'done' : 'in_progress', at);
    }
  }
  db.exec('CREATE INDEX reports_period_unit ON reports(period_id, unit_id)');
}

const options = parseArgs(process.argv.slice(2));
mkdirSync(dirname(options.db), { recursive: true });
const db = openDatabase(options.db);
// A throwaway bulk load: no fsync per page and a big page cache (the FTS index is built as rows go in).
db.pragma('synchronous = OFF');
db.pragma('cache_size = -262144');
const started = performance.now();
const argv = process.argv.slice(2);
const arg = (name: string, dflt: number) => (argv.includes(`--${name}`) ? Number(argv[argv.indexOf(`--${name}`) + 1]) : dflt);
db.transaction(() => {
  seed(db, options);
  seedReports(db, options, arg('periods', 10), arg('reports', 0));
  // the seed wrote through the lights triggers: judge everything once at the next read instead
  db.exec('DELETE FROM lights_dirty; UPDATE lights_state SET all_dirty = 1');
})();
db.pragma('optimize');
const total = (db.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n;
db.close();
console.log(`已生成 ${options.count} 条（库中共 ${total} 条），用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒：${options.db}`);
