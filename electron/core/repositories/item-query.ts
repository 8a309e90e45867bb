import type { ItemQuerySchema } from '../../../shared/contract/schemas/items';
import type { z } from 'zod';
import { charQuery } from '../db/char-search';

type Query = z.output<typeof ItemQuerySchema>;

/** A WHERE clause with its named parameters. */
export interface SqlFilter {
  where: string;
  params: Record<string, unknown>;
  /** The total, counted faster than by `where` (same params); only for a list filtered by kind and keyword alone (keywordCount). */
  count?: string;
  /** The keyword's ids are taken among the unit's (keywordClause `within`): all of them are listed before the first row. */
  keywordInUnit?: boolean;
}

/**
 * A keyword as one list of ids (index answers only, UNIONed): the trigram or char index, an exact
 * 编号 by (kind, code), and the items of units the keyword names by pinyin (fgw). A row is never read
 * to test a keyword; only a short keyword with punctuation in it scans title and content.
 * `within`: the ids of the list's unit (a subquery). Each index answer is then kept only where it
 * is one of them, while the index is read, and the rows are looked up from what remains (牵头 +
 * 推进 + 推进中: 22,000 matches of 推进 met with the unit's 2,000 ids leave 439 rows to read, where
 * walking the 38,000 推进中 items and testing each took ~15 ms). Without a unit the list's other
 * indexes drive and the keyword's ids are a list to test (`+`).
 */
function keywordClause(keyword: string, params: Record<string, unknown>, pinyinUnitIds: readonly number[], within?: string): KeywordClause {
  const ids = keywordIds(keyword, params, pinyinUnitIds, within);
  if (ids.scan) return { where: `(instr(i.title, @kw) > 0 OR instr(i.content, @kw) > 0 OR +i.id IN (${ids.sql}))`, count: undefined, withinUnit: false };
  return { where: `${within ? '' : '+'}i.id IN (${ids.sql})`, count: keywordCount(ids), withinUnit: within !== undefined };
}

/** A keyword's WHERE clause; `withinUnit`: it selects the unit's items only (the unit's own clause would test them again). */
interface KeywordClause {
  where: string;
  count: string | undefined;
  withinUnit: boolean;
}

/** Up to this many trigram matches are counted by looking up each one's kind; more, by probing the kind's items. */
const LOOKUPS = 5000;

/**
 * The count of a list filtered by its kind and a keyword alone, from the keyword's ids: from the
 * UNION itself when it holds the kind already (29,000 matches of 消: ~3 ms instead of ~30 ms
 * probing every item of the kind); trigram matches (any kind) by looking up the kind of each
 * when they are few (老旧小区: 2,700 ids, ~3 ms instead of ~13 ms), else as any list (展消费 matches
 * 27,000: 2 µs a lookup would cost more than probing). Undefined with pinyin units: their items
 * can number thousands, which the plain count probes faster than it looks them up.
 */
function keywordCount(ids: KeywordIds): string | undefined {
  if (ids.pinyin) return undefined;
  if (ids.ofKind) return `SELECT count(*) FROM (${ids.sql})`;
  return `SELECT CASE WHEN (SELECT count(*) FROM (SELECT rowid FROM items_fts WHERE items_fts MATCH @kwFts LIMIT ${LOOKUPS + 1})) <= ${LOOKUPS}
    THEN (SELECT count(*) FROM items WHERE kind = @kind AND id IN (${ids.sql}))
    ELSE (SELECT count(*) FROM items i WHERE i.kind = @kind AND +i.id IN (${ids.sql})) END`;
}

/**
 * The ids a keyword finds, as one UNION. `ofKind`: its text matches are all of the list's kind
 * already (the char index's tokens hold the kind). `pinyin`: it holds the items of units named by
 * pinyin (any kind, often thousands). `scan`: title and content are scanned too.
 */
interface KeywordIds {
  sql: string;
  ofKind: boolean;
  pinyin: boolean;
  scan: boolean;
}

/** The ids a keyword finds (see KeywordIds), those among `within` only when given (see keywordClause). */
function keywordIds(keyword: string, params: Record<string, unknown>, pinyinUnitIds: readonly number[], within?: string): KeywordIds {
  params.kw = keyword;
  // `+`: the index is read in order and each id looked up in the unit's list, never probed id by id (~40 µs each in FTS5)
  const among = (col: string) => (within ? ` AND +${col} IN (${within})` : '');
  const text = textKeywordIds(keyword, params);
  const sets = [text ? text.sql + among('rowid') : null, `SELECT id FROM items WHERE kind = @kind AND code = @kw${among('id')}`];
  if (pinyinUnitIds.length) {
    params.kwUnits = JSON.stringify(pinyinUnitIds);
    sets.push(`SELECT item_id FROM item_units WHERE unit_id IN (SELECT value FROM json_each(@kwUnits))${among('item_id')}`);
  }
  return { sql: sets.filter((x) => x !== null).join(' UNION '), ofKind: text?.ofKind ?? false, pinyin: pinyinUnitIds.length > 0, scan: text === null };
}

/** Trigram FTS for three characters or more (all kinds), the char index (char-search.ts) for one or two (the list's kind only); null: scan. */
function textKeywordIds(keyword: string, params: Record<string, unknown>): { sql: string; ofKind: boolean } | null {
  if ([...keyword].length >= 3) {
    params.kwFts = `"${keyword.replace(/"/g, '""')}"`;
    return { sql: 'SELECT rowid FROM items_fts WHERE items_fts MATCH @kwFts', ofKind: false };
  }
  const chars = charQuery(String(params.kind), keyword);
  if (!chars) return null;
  params.kwChars = chars;
  return { sql: 'SELECT rowid FROM items_chars WHERE items_chars MATCH @kwChars', ofKind: true };
}

/** How a clause is answered: `probeLevels` tests each row's kept light by its id instead of listing the level's ids first. */
export interface FilterOptions {
  probeLevels?: boolean;
}

/**
 * Builds the WHERE clause for a list query; only bound parameters, never interpolated values.
 * `pinyinUnitIds`: the units the keyword names by pinyin (names/unit-pinyin.ts).
 */
export function buildItemFilter(q: Query, today: string, pinyinUnitIds: readonly number[] = [], opts: FilterOptions = {}): SqlFilter {
  const parts = ['i.kind = @kind'];
  const params: Record<string, unknown> = { kind: q.kind };
  if (q.planId !== undefined) (parts.push('i.plan_id = @planId'), (params.planId = q.planId));
  if (q.sectionId !== undefined) (parts.push('i.section_id = @sectionId'), (params.sectionId = q.sectionId));
  if (q.origin) (parts.push('i.origin = @origin'), (params.origin = q.origin));
  let unitIds: string | undefined;
  if (q.unitId !== undefined) {
    params.unitId = q.unitId;
    const role = q.role ? ' AND role = @role' : '';
    if (q.role) params.role = q.role;
    unitIds = `SELECT item_id FROM item_units WHERE unit_id = @unitId${role}`;
  } else if (q.role) {
    params.role = q.role;
    parts.push('+i.id IN (SELECT item_id FROM item_units WHERE role = @role)');
  }
  if (q.statuses?.length) {
    const names = q.statuses.map((s, n) => ((params[`st${n}`] = s), `@st${n}`));
    parts.push(`i.status IN (${names.join(', ')})`);
  }
  if (q.deadlineFrom) (parts.push('i.deadline_date >= @dFrom'), (params.dFrom = q.deadlineFrom));
  if (q.deadlineTo) (parts.push('i.deadline_date <= @dTo'), (params.dTo = q.deadlineTo));
  if (q.overdue) {
    parts.push("i.deadline_date < @today AND i.status <> 'done'");
    params.today = today;
  }
  if (q.closure) (parts.push('i.id IN (SELECT item_id FROM item_closures WHERE state = @closure)'), (params.closure = q.closure));
  if (q.levels?.length) {
    // kept lights (item_lights, refreshed by the caller: refreshLights): the level's ids from the (kind, level)
    // index, or each row's light by its id when the rows before the page end are few (probeLevels)
    const names = q.levels.map((l, n) => ((params[`lv${n}`] = l), `@lv${n}`));
    parts.push(
      opts.probeLevels
        ? `EXISTS (SELECT 1 FROM item_lights l WHERE l.item_id = i.id AND l.level IN (${names.join(', ')}))`
        : `+i.id IN (SELECT item_id FROM item_lights WHERE kind = @kind AND level IN (${names.join(', ')}))`,
    );
  }
  const keyword = q.keyword ? keywordClause(q.keyword, params, pinyinUnitIds, unitIds) : undefined;
  if (unitIds && !keyword?.withinUnit) parts.push(`+i.id IN (${unitIds})`);
  if (keyword) parts.push(keyword.where);
  if (q.ids) parts.push(`i.id IN (SELECT value FROM json_each(@ids))`), (params.ids = JSON.stringify(q.ids));
  // kind and keyword alone (no unit: its clause may be folded into the keyword's): counted from the keyword's ids (keywordCount)
  const count = keyword && !unitIds && parts.length === 2 ? keyword.count : undefined;
  return { where: parts.join(' AND '), params, ...(count ? { count } : {}), ...(keyword?.withinUnit ? { keywordInUnit: true } : {}) };
}

const ORDER: Record<Query['sort'], string> = {
  order: 'i.seq',
  code: 'i.code',
  title: 'i.title_key',
  deadline: "coalesce(i.deadline_date, '9999')",
  status: 'i.status',
  progress: 'i.progress',
  updated: 'i.updated_at',
  plan: 'i.plan_id',
};

/**
 * ORDER BY for a list query, ties broken by the list's own order; a descending sort reverses the
 * ties too, so one index (kind, col, seq) serves both directions (migration 0007).
 */
export function buildItemOrder(q: Query): string {
  const dir = q.desc ? 'DESC' : 'ASC';
  if (q.sort === 'order') return `i.seq ${dir}, i.id ${dir}`;
  // The pinyin key ends with the title itself (names/title-key.ts): ties are identical titles, by id, all from one index.
  if (q.sort === 'title') return `i.title_key ${dir}, i.id ${dir}`;
  return `${ORDER[q.sort]} ${dir}, i.seq ${dir}, i.id ${dir}`;
}
