import type { Database } from 'better-sqlite3';
import type { DocumentFields } from '../../../shared/contract/schemas/documents';
import { createBatchRecorder } from '../batches/batch-recorder';
import type { HandlingSlip } from '../import/plan-text/handling-slip';
import { DOCUMENT_COLUMNS } from '../repositories/documents-repository';
import { slipDocumentFields } from '../services/document-demo';

/**
 * Registers an imported document's 文件处理单 as 来文 with its leader instructions, in the import's
 * batch (so undoing the import removes it). Once: a 来文 of the same 文号 and 主题 is kept as it is.
 * Returns the 来文's id, or null when the slip names neither 文号 nor 主题.
 */
export function registerSlip(db: Database, batchId: number, slip: HandlingSlip, at: string): number | null {
  if (slip.docNo === '' && slip.subject === '') return null;
  const known = db.prepare<[string, string], { id: number }>('SELECT id FROM documents WHERE doc_no = ? AND subject = ?').get(slip.docNo, slip.subject);
  if (known) return known.id;
  const rec = createBatchRecorder(db, batchId);
  const fields = slipDocumentFields(slip);
  const values = Object.fromEntries(Object.entries(fields).map(([k, v]) => [DOCUMENT_COLUMNS[k as keyof DocumentFields], v]));
  const id = rec.insert('documents', { ...values, created_at: at, updated_at: at });
  slip.instructions.forEach((n, sort) => rec.insert('instructions', { document_id: id, person: n.person, given_on: n.date, content: n.content, sort }));
  return id;
}
