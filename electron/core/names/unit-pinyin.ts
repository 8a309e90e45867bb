import type { Database } from 'better-sqlite3';
import { isPinyinQuery, matchesPinyin, nameKeys } from './pinyin';

/**
 * Units a keyword typed as pinyin names (fgw → 省发展改革委 by its alias 省发改委), so the list's
 * keyword box finds their items too. Empty for a keyword that is not letters only.
 */
export function unitsByPinyin(db: Database, keyword: string | undefined): number[] {
  if (!keyword || !isPinyinQuery(keyword)) return [];
  const rows = db
    .prepare<[], { id: number; name: string; aliases: string | null }>(
      'SELECT u.id, u.name, (SELECT group_concat(alias, char(1)) FROM unit_aliases a WHERE a.unit_id = u.id) AS aliases FROM units u',
    )
    .all();
  return rows.filter((u) => matchesPinyin(keyword, nameKeys(u.name, u.aliases ? u.aliases.split('\u0001') : []))).map((u) => u.id);
}
