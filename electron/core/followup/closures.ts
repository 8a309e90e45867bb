import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/contract/errors';
import type { Closure, EvidenceFile } from '../../../shared/contract/schemas/followup';
import type { CoreContext } from '../context';
import { createSettingsRepository } from '../repositories/settings-repository';
import { checkAttachment } from '../services/document-files';
import { createHistory, type ChangeEntry } from '../services/history';
import { itemDeadline } from './extensions';
import { codeTitle } from '../../../shared/contract/item-code';

interface ClosureDb {
  state: Closure['state'];
  doc_no: string;
  note: string;
  requested_at: string;
  confirmed_at: string | null;
  confirmed_by: string;
  reopen_reason: string;
  reopened_at: string | null;
}

/** An item's closure record, or null when it was never put forward for closing. */
export function getClosure(db: Database, itemId: number): Closure | null {
  const r = db.prepare<[number], ClosureDb>('SELECT * FROM item_closures WHERE item_id = ?').get(itemId);
  if (!r) return null;
  return { state: r.state, docNo: r.doc_no, note: r.note, requestedAt: r.requested_at, confirmedAt: r.confirmed_at, confirmedBy: r.confirmed_by, reopenReason: r.reopen_reason, reopenedAt: r.reopened_at };
}

/** The evidence files kept on an item (without their bytes). */
export function listEvidence(db: Database, itemId: number): EvidenceFile[] {
  return db
    .prepare<[number], EvidenceFile>('SELECT id, file_name AS fileName, mime, size, created_at AS createdAt FROM item_evidence WHERE item_id = ? ORDER BY id')
    .all(itemId);
}

const label = (it: { code: string; title: string }) => `「${codeTitle(it.code, it.title)}」`;

/**
 * 办结销号: an item is put forward for closing with evidence (files and/or a 文号), the office
 * confirms 办结 (the item becomes 已完成), and a closed item can be reopened with a reason.
 */
export function createClosureService(ctx: CoreContext) {
  const operator = () => createSettingsRepository(ctx.db).settings().operator;
  const log = (entries: ChangeEntry[], at: string) => createHistory(ctx.db).record(entries, operator(), at);

  function request(input: { itemId: number; docNo: string; note: string }): Closure {
    const it = itemDeadline(ctx.db, input.itemId);
    const files = listEvidence(ctx.db, input.itemId).length;
    if (!input.docNo && !files) throw new AppError('invalid_input', `${label(it)}申请办结需要佐证材料：请附加文件，或填写办结文号`);
    if (getClosure(ctx.db, input.itemId)?.state === 'closed') throw new AppError('conflict', `${label(it)}已办结；如需重新办理请先重新打开`);
    const at = ctx.now().toISOString();
    ctx.db.transaction(() => {
      ctx.db
        .prepare(
          `INSERT INTO item_closures(item_id, state, doc_no, note, requested_at) VALUES (?, 'pending', ?, ?, ?)
           ON CONFLICT(item_id) DO UPDATE SET state = 'pending', doc_no = excluded.doc_no, note = excluded.note, requested_at = excluded.requested_at, confirmed_at = NULL, confirmed_by = ''`,
        )
        .run(input.itemId, input.docNo, input.note, at);
      const evidence = [input.docNo && `文号 ${input.docNo}`, files && `附件 ${files} 个`].filter(Boolean).join('，');
      log([{ entity: 'item', entityId: input.itemId, action: 'close-request', field: 'closure', after: `申请办结（${evidence}）${input.note ? `：${input.note}` : ''}` }], at);
    })();
    return getClosure(ctx.db, input.itemId)!;
  }

  /** Keeps an evidence file, checked as 来文 attachments are (size, type, content). */
  function attach(itemId: number, fileName: string, bytes: Uint8Array): EvidenceFile {
    itemDeadline(ctx.db, itemId);
    const mime = checkAttachment(fileName, bytes);
    const at = ctx.now().toISOString();
    const id = ctx.db.transaction(() => {
      const r = ctx.db
        .prepare('INSERT INTO item_evidence(item_id, file_name, mime, size, data, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(itemId, fileName, mime, bytes.length, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), at);
      log([{ entity: 'item', entityId: itemId, action: 'evidence-attach', field: 'evidence', after: fileName }], at);
      return Number(r.lastInsertRowid);
    })();
    return listEvidence(ctx.db, itemId).find((f) => f.id === id)!;
  }

  function file(fileId: number): { fileName: string; mime: string; bytes: Uint8Array<ArrayBuffer> } {
    const r = ctx.db.prepare<[number], { file_name: string; mime: string; data: Buffer }>('SELECT file_name, mime, data FROM item_evidence WHERE id = ?').get(fileId);
    if (!r) throw new AppError('not_found', `佐证材料（编号 ${fileId}）不存在`);
    return { fileName: r.file_name, mime: r.mime, bytes: Uint8Array.from(r.data) };
  }

  function detach(fileId: number): void {
    const r = ctx.db.prepare<[number], { item_id: number; file_name: string }>('SELECT item_id, file_name FROM item_evidence WHERE id = ?').get(fileId);
    if (!r) throw new AppError('not_found', `佐证材料（编号 ${fileId}）不存在`);
    if (getClosure(ctx.db, r.item_id)?.state === 'closed') throw new AppError('conflict', '条目已办结，佐证材料不能删除；如需更换请先重新打开');
    const at = ctx.now().toISOString();
    ctx.db.transaction(() => {
      ctx.db.prepare('DELETE FROM item_evidence WHERE id = ?').run(fileId);
      log([{ entity: 'item', entityId: r.item_id, action: 'evidence-detach', field: 'evidence', before: r.file_name }], at);
    })();
  }

  return { request, attach, file, detach, ...createClosureDecisions(ctx, operator) };
}

interface ItemState {
  status: string;
  progress: number;
}

/** Confirm 办结 and reopen: both change the item's status in the same transaction. */
function createClosureDecisions(ctx: CoreContext, operator: () => string) {
  const log = (entries: ChangeEntry[], at: string) => createHistory(ctx.db).record(entries, operator(), at);
  const stateOf = (itemId: number) => ctx.db.prepare<[number], ItemState>('SELECT status, progress FROM items WHERE id = ?').get(itemId)!;

  function confirm(itemId: number): Closure {
    const it = itemDeadline(ctx.db, itemId);
    const c = getClosure(ctx.db, itemId);
    if (c?.state !== 'pending') throw new AppError('conflict', `${label(it)}${c?.state === 'closed' ? '已办结' : '还没有申请办结（先附佐证材料或填写文号，再申请办结）'}`);
    const at = ctx.now().toISOString();
    ctx.db.transaction(() => {
      const before = stateOf(itemId);
      // the status before closing is kept in the history; reopening goes back to 推进中
      ctx.db.prepare("UPDATE item_closures SET state = 'closed', confirmed_at = ?, confirmed_by = ? WHERE item_id = ?").run(at, operator(), itemId);
      ctx.db.prepare("UPDATE items SET status = 'done', progress = 100, updated_at = ? WHERE id = ?").run(at, itemId);
      log([
        { entity: 'item', entityId: itemId, action: 'close-confirm', field: 'status', before: before.status, after: 'done' },
        { entity: 'item', entityId: itemId, action: 'close-confirm', field: 'progress', before: before.progress, after: 100 },
      ], at);
    })();
    return getClosure(ctx.db, itemId)!;
  }

  /** A closed item back to 推进中 with its progress before closing (below 100, so its light is judged again). */
  function reopen(itemId: number, reason: string): Closure {
    const it = itemDeadline(ctx.db, itemId);
    const c = getClosure(ctx.db, itemId);
    if (c?.state !== 'closed') throw new AppError('conflict', `${label(it)}未办结，无需重新打开`);
    const prior = ctx.db
      .prepare<[number], { before: string | null }>("SELECT before FROM change_log WHERE entity = 'item' AND entity_id = ? AND action = 'close-confirm' AND field = 'progress' ORDER BY id DESC LIMIT 1")
      .get(itemId);
    const progress = Math.min(99, Number(prior?.before ?? 0) || 0);
    const at = ctx.now().toISOString();
    ctx.db.transaction(() => {
      ctx.db.prepare("UPDATE item_closures SET state = 'reopened', reopen_reason = ?, reopened_at = ? WHERE item_id = ?").run(reason, at, itemId);
      ctx.db.prepare("UPDATE items SET status = 'in_progress', progress = ?, updated_at = ? WHERE id = ?").run(progress, at, itemId);
      log([{ entity: 'item', entityId: itemId, action: 'reopen', field: 'status', before: 'done', after: `in_progress（重新打开：${reason}）` }], at);
    })();
    return getClosure(ctx.db, itemId)!;
  }

  return { confirm, reopen };
}
