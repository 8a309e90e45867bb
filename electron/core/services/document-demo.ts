import type { Database } from 'better-sqlite3';
import type { DocumentFields } from '../../../shared/contract/schemas/documents';
import { SECRECY_LEVELS } from '../../../shared/contract/schemas/documents';
import type { HandlingSlip, SlipEntry } from '../import/plan-text/handling-slip';
import { parseHandlingSlip } from '../import/plan-text/handling-slip';
import { createDocumentsRepository } from '../repositories/documents-repository';

/** An opinion with its signature, as the slip prints it: 内容 签名 日期. */
function entryText(e: SlipEntry): string {
  return [e.content, e.person, e.date].filter(Boolean).join(' ');
}

/** The 来文 fields a 文件处理单 gives (secrecy 非密 unless the slip names a known level). */
export function slipDocumentFields(slip: HandlingSlip): DocumentFields {
  const secrecy = (SECRECY_LEVELS as readonly string[]).includes(slip.secrecy) ? (slip.secrecy as DocumentFields['secrecy']) : '非密';
  return {
    issuer: slip.issuer,
    docNo: slip.docNo,
    secrecy,
    receivedAt: slip.receivedAt,
    subject: slip.subject,
    proposedUnits: slip.draftingUnit,
    submitOpinion: entryText(slip.routingOpinion),
    officeOpinion: entryText(slip.officeOpinion),
    remark: slip.note,
    handler: slip.handler,
    phone: slip.phone,
    receiptNo: slip.serialNo,
  };
}

/**
 * Registers the seed's 文件处理单 (if the text has one) as a document with its leader
 * instructions, once (a second demo load after undo finds it). Runs inside the demo loader's transaction; returns the document id or null.
 */
export function addSeedDocument(db: Database, seedText: string, at: string): number | null {
  const slip = parseHandlingSlip(seedText);
  if (!slip) return null;
  const known = db.prepare<[string, string], { id: number }>('SELECT id FROM documents WHERE doc_no = ? AND subject = ?').get(slip.docNo, slip.subject);
  if (known) return known.id;
  const fields = slipDocumentFields(slip);
  const id = createDocumentsRepository(db).write(undefined, fields, at);
  const add = db.prepare('INSERT INTO instructions(document_id, person, given_on, content, sort) VALUES (?, ?, ?, ?, ?)');
  slip.instructions.forEach((n, sort) => add.run(id, n.person, n.date, n.content, sort));
  return id;
}
