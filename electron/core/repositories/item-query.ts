import type { ItemQuerySchema } from '../../../shared/contract/schemas/items';
import type { z } from 'zod';
import { charQuery } from '../db/char-search';

type Query = z.output<typeof ItemQuerySchema>;

/** A WHERE clause with its named parameters. */
export interface SqlFilter {
  where: string;
  params: Record<string, unknown>;
}

/**
 * A keyword as one list of ids (index answers only, UNIONed): the trigram or char index, an exact
 * 编号 by (kind, code), and the items of units the keyword names by pinyin (fgw). A row is never read
 * to test a keyword; only a short keyword with punctuation in it scans title and content.
 */
function keywordClause(keyword: string, params: Record<string, unknown>, pinyinUnitIds: readonly number[]): string {
  params.kw = keyword;
  const sets = [textKeywordIds(keyword, params), 'SELECT id FROM items WHERE kind = @kind AND code = @kw'];
  if (pinyinUnitIds.length) {
    params.kwUnits = JSON.stringify(pinyinUnitIds);
    sets.push('SELECT item_id FROM item_units WHERE unit_id IN (SELECT value FROM json_each(@kwUnits))');
  }
  const scan = sets[0] === null;
  const ids = `+i.id IN (${sets.filter((x) => x !== null).join(' UNION ')})`;
  return scan ? `(instr(i.title, @kw) > 0 OR instr(i.content, @kw) > 0 OR ${ids})` : ids;
}

/** Trigram FTS for three characters or more, the char index (char-search.ts) for one or two; null: scan. */
function textKeywordIds(keyword: string, params: Record<string, unknown>): string | null {
  if ([...keyword].length >= 3) {
    params.kwFts = `"${keyword.replace(/"/g, '""')}"`;
    return 'SELECT rowid FROM items_fts WHERE items_fts MATCH @kwFts';
  }
  const chars = charQuery(keyword);
  if (!chars) return null;
  params.kwChars = chars;
  return 'SELECT rowid FROM items_chars WHERE items_chars MATCH @kwChars';
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
  if (q.unitId !== undefined) {
    params.unitId = q.unitId;
    const role = q.role ? ' AND role = @role' : '';
    if (q.role) params.role = q.role;
    parts.push(`+i.id IN (SELECT item_id FROM item_units WHERE unit_id = @unitId${role})`);
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
  if (q.keyword) parts.push(keywordClause(q.keyword, params, pinyinUnitIds));
  if (q.ids) parts.push(`i.id IN (SELECT value FROM json_each(@ids))`), (params.ids = JSON.stringify(q.ids));
  return { where: parts.join(' AND '), params };
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
