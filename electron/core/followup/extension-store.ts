import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/contract/errors';
import type { Extension } from '../../../shared/contract/schemas/followup';
import { listCodeSql } from '../repositories/list-codes';

interface ExtensionDb {
  id: number;
  item_id: number;
  code: string;
  title: string;
  kind: Extension['itemKind'];
  unit_name: string | null;
  requested_date: string;
  reason: string;
  progress_note: string;
  requested_on: string;
  prior_deadline_date: string | null;
  prior_deadline_text: string;
  late: number;
  source: 'typed' | 'file';
  period_name: string | null;
  state: Extension['state'];
  decision_note: string;
  decided_at: string | null;
  decided_by: string;
}

const SELECT = `SELECT e.*, ${listCodeSql('i')} AS code, i.title, i.kind, u.name AS unit_name, p.name AS period_name
  FROM item_extensions e JOIN items i ON i.id = e.item_id
  LEFT JOIN units u ON u.id = e.unit_id LEFT JOIN periods p ON p.id = e.period_id`;

function toExtension(r: ExtensionDb): Extension {
  return {
    id: r.id,
    itemId: r.item_id,
    itemCode: r.code,
    itemTitle: r.title,
    itemKind: r.kind,
    unitName: r.unit_name ?? '',
    requestedDate: r.requested_date,
    reason: r.reason,
    progressNote: r.progress_note,
    requestedOn: r.requested_on,
    priorDeadline: r.prior_deadline_text || r.prior_deadline_date || '',
    priorDeadlineDate: r.prior_deadline_date,
    late: r.late === 1,
    source: r.source,
    periodName: r.period_name ?? '',
    state: r.state,
    decisionNote: r.decision_note,
    decidedAt: r.decided_at,
    decidedBy: r.decided_by,
  };
}

/** Extension requests, newest first; by state and/or item. */
export function listExtensions(db: Database, q: { state?: Extension['state']; itemId?: number }): Extension[] {
  const where: string[] = [];
  if (q.state) where.push('e.state = @state');
  if (q.itemId !== undefined) where.push('e.item_id = @itemId');
  return db
    .prepare<[Record<string, unknown>], ExtensionDb>(`${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY e.id DESC`)
    .all({ state: q.state ?? null, itemId: q.itemId ?? null })
    .map(toExtension);
}

export function getExtension(db: Database, id: number): Extension {
  const r = db.prepare<[number], ExtensionDb>(`${SELECT} WHERE e.id = ?`).get(id);
  if (!r) throw new AppError('not_found', `延期申请（编号 ${id}）不存在`);
  return toExtension(r);
}

/** How many extensions an item was granted and its deadline before the first one. */
export function extensionTally(db: Database, itemId: number): { count: number; originalDate: string | null; originalText: string } {
  const r = db
    .prepare<[{ id: number }], { n: number; d: string | null; t: string | null }>(
      `SELECT count(*) AS n,
        (SELECT prior_deadline_date FROM item_extensions WHERE item_id = @id AND state = 'approved' ORDER BY decided_at, id LIMIT 1) AS d,
        (SELECT prior_deadline_text FROM item_extensions WHERE item_id = @id AND state = 'approved' ORDER BY decided_at, id LIMIT 1) AS t
       FROM item_extensions WHERE item_id = @id AND state = 'approved'`,
    )
    .get({ id: itemId })!;
  return { count: r.n, originalDate: r.d, originalText: r.t || r.d || '' };
}
