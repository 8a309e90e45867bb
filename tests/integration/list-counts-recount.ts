import type { Database } from 'better-sqlite3';

/** The list counts kept by migration 0011 (list_counts), facets at 0 left out, as `kind facet` → n. */
export function keptListCounts(db: Database): Record<string, number> {
  const rows = db.prepare('SELECT kind, facet, n FROM list_counts WHERE n <> 0 ORDER BY kind, facet').all() as { kind: string; facet: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [`${r.kind} ${r.facet}`, r.n]));
}

/** The same counts taken afresh from the rows, by the lists' own filters. */
export function recountListCounts(db: Database): Record<string, number> {
  const out: [string, number][] = [];
  const add = (sql: string) => out.push(...(db.prepare(sql).all() as { k: string; n: number }[]).map((r): [string, number] => [r.k, r.n]));
  add("SELECT kind || ' all' AS k, count(*) AS n FROM items GROUP BY kind");
  add("SELECT kind || ' origin:' || origin AS k, count(*) AS n FROM items GROUP BY 1");
  add("SELECT kind || ' due:' || deadline_date AS k, count(*) AS n FROM items WHERE deadline_date IS NOT NULL AND status <> 'done' GROUP BY 1");
  add("SELECT i.kind || ' unit:' || u.unit_id || ':' || u.role AS k, count(*) AS n FROM item_units u JOIN items i ON i.id = u.item_id GROUP BY 1");
  add("SELECT i.kind || ' unit:' || u.unit_id AS k, count(DISTINCT i.id) AS n FROM item_units u JOIN items i ON i.id = u.item_id GROUP BY 1");
  return Object.fromEntries(out.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
