import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/contract/errors';
import { createBatchRecorder } from '../batches/batch-recorder';
import { openBatch, setBatchCounts } from '../batches/batches';

interface Bits { id: number; uid: string; upper_uid: string; code: string; title: string; content: string }
export interface LinkSuggestion {
  itemId: number;
  upperItemId: number;
  how: 'uid' | 'text';
  /** 0–1: share of character pairs the two texts have in common (1 for a uid match). */
  score: number;
}

const bigrams = (s: string): Set<string> => {
  const t = s.replace(/[\s，。、；：“”（）()《》\d]/g, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
};

/** Dice similarity of two texts' character pairs. */
export function textSimilarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.size || !y.size) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return (2 * common) / (x.size + y.size);
}

const read = (db: Database, ids: readonly number[]) =>
  db.prepare<[string], Bits>('SELECT id, uid, upper_uid, code, title, content FROM items WHERE id IN (SELECT value FROM json_each(?)) ORDER BY seq, id').all(JSON.stringify(ids));

/**
 * Which province item each prefecture item localises: by uid when the prefecture's list was made by
 * this app (its upper_uid is the province item's uid), else the most similar title and content
 * (at least `minScore`), for the user to confirm.
 */
export function suggestUpperLinks(db: Database, lowerIds: readonly number[], upperIds: readonly number[], minScore = 0.45): LinkSuggestion[] {
  const uppers = read(db, upperIds);
  const byUid = new Map(uppers.map((u) => [u.uid, u]));
  const out: LinkSuggestion[] = [];
  for (const low of read(db, lowerIds)) {
    const exact = low.upper_uid ? byUid.get(low.upper_uid) : undefined;
    if (exact) {
      out.push({ itemId: low.id, upperItemId: exact.id, how: 'uid', score: 1 });
      continue;
    }
    let best: LinkSuggestion | null = null;
    for (const up of uppers) {
      const score = Math.max(textSimilarity(low.title, up.title), textSimilarity(`${low.title}${low.content}`, `${up.title}${up.content}`));
      if (score >= minScore && (!best || score > best.score)) best = { itemId: low.id, upperItemId: up.id, how: 'text', score: Math.round(score * 100) / 100 };
    }
    if (best) out.push(best);
  }
  return out;
}

/** Keeps confirmed links (item → upper item, with the upper item's office), one undoable batch. */
export function confirmUpperLinks(db: Database, links: readonly { itemId: number; upperItemId: number; how: 'uid' | 'text' }[], opts: { operator: string; at: string }) {
  const office = db.prepare<[number], { name: string }>('SELECT un.name FROM items i JOIN plans p ON p.id = i.plan_id JOIN units un ON un.id = p.office_unit_id WHERE i.id = ?');
  const exists = db.prepare('SELECT 1 FROM item_upper_links WHERE item_id = ? AND upper_item_id = ?');
  const known = db.prepare('SELECT 1 FROM items WHERE id = ?');
  for (const l of links) {
    if (l.itemId === l.upperItemId) throw new AppError('invalid_input', `条目（编号 ${l.itemId}）不能关联到自身，未做任何修改`);
    for (const id of [l.itemId, l.upperItemId]) if (!known.get(id)) throw new AppError('not_found', `条目（编号 ${id}）不存在，未做任何修改`);
  }
  return db.transaction(() => {
    const batchId = openBatch(db, { kind: 'bulk', fileName: `关联上级条目 ${links.length} 项`, fileHash: '', operator: opts.operator, at: opts.at });
    const rec = createBatchRecorder(db, batchId);
    let linked = 0;
    for (const l of links) {
      if (exists.get(l.itemId, l.upperItemId)) continue;
      rec.insert('item_upper_links', { item_id: l.itemId, upper_item_id: l.upperItemId, upper_office: office.get(l.upperItemId)?.name ?? '', how: l.how === 'uid' ? 'uid' : 'confirmed', created_at: opts.at });
      linked++;
    }
    setBatchCounts(db, batchId, { new: linked });
    return { batchId, linked, message: `已关联 ${linked} 项上级条目，可撤销` };
  })();
}
