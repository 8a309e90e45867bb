import type { ItemQuerySchema } from '../../../shared/contract/schemas/items';
import type { z } from 'zod';
import { charQuery } from '../db/char-search';

type Query = z.output<typeof ItemQuerySchema>;

/** A WHERE clause with its named parameters. */
export interface SqlFilter {
  where: string;
  params: Record<string, unknown>;
}

function keywordClause(keyword: string, params: Record<string, unknown>, pinyinUnitIds: readonly number[]): string {
  const text = textKeywordClause(keyword, params);
  if (!pinyinUnitIds.length) return text;
  // A keyword typed as pinyin (fgw) also finds the items of the units it names.
  params.kwUnits = JSON.stringify(pinyinUnitIds);
  return `(${text} OR i.id IN (SELECT item_id FROM item_units WHERE unit_id IN (SELECT value FROM json_each(@kwUnits))))`;
}

function textKeywordClause(keyword: string, params: Record<string, unknown>): string {
  params.kw = keyword;
  // Trigram FTS needs three characters; one and two characters use the char index (char-search.ts);
  // only a short keyword with punctuation in it scans title, content and code.
  if ([...keyword].length >= 3) {
    params.kwFts = `"${keyword.replace(/"/g, '""')}"`;
    return '(i.id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH @kwFts) OR i.code = @kw)';
  }
  const chars = charQuery(keyword);
  if (chars) {
    params.kwChars = chars;
    return '(i.id IN (SELECT rowid FROM items_chars WHERE items_chars MATCH @kwChars) OR i.code = @kw)';
  }
  return '(instr(i.title, @kw) > 0 OR instr(i.content, @kw) > 0 OR i.code = @kw)';
}

/**
 * Builds the WHERE clause for a list query; only bound parameters, never interpolated values.
 * `pinyinUnitIds`: the units the keyword names by pinyin (names/unit-pinyin.ts).
 */
export function buildItemFilter(q: Query, today: string, pinyinUnitIds: readonly number[] = []): SqlFilter {
  const parts = ['i.kind = @kind'];
  const params: Record<string, unknown> = { kind: q.kind };
  if (q.planId !== undefined) (parts.push('i.plan_id = @planId'), (params.planId = q.planId));
  if (q.sectionId !== undefined) (parts.push('i.section_id = @sectionId'), (params.sectionId = q.sectionId));
  if (q.origin) (parts.push('i.origin = @origin'), (params.origin = q.origin));
  if (q.unitId !== undefined) {
    params.unitId = q.unitId;
    const role = q.role ? ' AND role = @role' : '';
    if (q.role) params.role = q.role;
    parts.push(`i.id IN (SELECT item_id FROM item_units WHERE unit_id = @unitId${role})`);
  } else if (q.role) {
    params.role = q.role;
    parts.push('i.id IN (SELECT item_id FROM item_units WHERE role = @role)');
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

/** ORDER BY for a list query, ties broken by the list's own order. */
export function buildItemOrder(q: Query): string {
  const dir = q.desc ? 'DESC' : 'ASC';
  if (q.sort === 'order') return `i.seq ${dir}, i.id ${dir}`;
  // The pinyin key ends with the title itself (names/title-key.ts): ties are identical titles, by id, all from one index.
  if (q.sort === 'title') return `i.title_key ${dir}, i.id ${dir}`;
  return `${ORDER[q.sort]} ${dir}, i.seq, i.id`;
}
