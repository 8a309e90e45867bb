import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { AppError } from '../../../shared/contract/errors';
import type { Extension, ExtensionDecideSchema, ExtensionRequestSchema } from '../../../shared/contract/schemas/followup';
import type { BatchRecorder } from '../batches/batch-recorder';
import { localDate, type CoreContext } from '../context';
import { chineseDate } from '../exchange/doc-format';
import { createSettingsRepository } from '../repositories/settings-repository';
import { createHistory, type ChangeEntry } from '../services/history';
import { getExtension, listExtensions } from './extension-store';
import { listCodeSql } from '../repositories/list-codes';
import { codeTitle } from '../../../shared/contract/item-code';

/** A request as it is stored, typed or read from a returned template. */
export interface ExtensionInsert {
  itemId: number;
  unitId: number | null;
  requestedDate: string;
  reason: string;
  progressNote: string;
  requestedOn: string;
  source: 'typed' | 'file';
  periodId: number | null;
}

interface ItemDeadline {
  id: number;
  code: string;
  title: string;
  deadline_date: string | null;
  deadline_text: string;
}

export function itemDeadline(db: Database, itemId: number): ItemDeadline {
  const it = db.prepare<[number], ItemDeadline>(`SELECT id, ${listCodeSql('items')} AS code, title, deadline_date, deadline_text FROM items WHERE id = ?`).get(itemId);
  if (!it) throw new AppError('not_found', `条目（编号 ${itemId}）不存在`);
  return it;
}

/**
 * What is wrong with a request, if anything: a new date not after the current deadline cannot be
 * an extension (an error); a request made after the deadline passed is late (flagged, kept).
 */
export function judgeRequest(deadline: string | null, requestedDate: string, requestedOn: string): { error: string | null; late: boolean } {
  if (deadline && requestedDate <= deadline) {
    return { error: `申请延期至 ${chineseDate(requestedDate)} 不晚于现完成时限 ${chineseDate(deadline)}，不是延期`, late: false };
  }
  return { error: null, late: deadline !== null && requestedOn > deadline };
}

/** Stores a request (through a batch recorder when a batch writes it); answers its id. */
export function insertExtension(db: Database, x: ExtensionInsert, at: string, rec?: BatchRecorder): number {
  const it = itemDeadline(db, x.itemId);
  const { error, late } = judgeRequest(it.deadline_date, x.requestedDate, x.requestedOn);
  if (error) throw new AppError('invalid_input', `「${codeTitle(it.code, it.title)}」${error}`);
  const row = {
    item_id: x.itemId, unit_id: x.unitId, requested_date: x.requestedDate, reason: x.reason, progress_note: x.progressNote,
    requested_on: x.requestedOn, prior_deadline_date: it.deadline_date, prior_deadline_text: it.deadline_text, late: late ? 1 : 0,
    source: x.source, period_id: x.periodId, batch_id: rec?.batchId ?? null, created_at: at,
  };
  if (rec) return rec.insert('item_extensions', row);
  const cols = Object.keys(row);
  return Number(db.prepare(`INSERT INTO item_extensions(${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row).lastInsertRowid);
}

/** The history line of a request. */
export function requestHistory(id: number, x: ExtensionInsert, late: boolean, batchId: number | null): ChangeEntry {
  const flag = late ? '（逾期后申请）' : '';
  return { entity: 'item', entityId: x.itemId, action: 'extension-request', field: 'deadline', after: `申请延期至 ${x.requestedDate}${flag}：${x.reason}（申请 ${id}）`, batchId };
}

type RequestInput = z.output<typeof ExtensionRequestSchema>;
type DecideInput = z.output<typeof ExtensionDecideSchema>;

/** 延期申请 typed by the office, and the office's decisions. */
export function createExtensionService(ctx: CoreContext) {
  const operator = () => createSettingsRepository(ctx.db).settings().operator;

  function request(input: RequestInput): Extension {
    const at = ctx.now().toISOString();
    const x: ExtensionInsert = {
      itemId: input.itemId, unitId: input.unitId ?? null, requestedDate: input.requestedDate, reason: input.reason,
      progressNote: input.progressNote, requestedOn: input.requestedOn ?? localDate(ctx.now()), source: 'typed', periodId: null,
    };
    const id = ctx.db.transaction(() => {
      const newId = insertExtension(ctx.db, x, at);
      const late = getExtension(ctx.db, newId).late;
      createHistory(ctx.db).record([requestHistory(newId, x, late, null)], operator(), at);
      return newId;
    })();
    return getExtension(ctx.db, id);
  }

  /**
   * Approves or refuses a pending request in one transaction. Approval moves the item's deadline to
   * the requested date (the earlier one stays on the request as 原定); refusal keeps it.
   */
  function decide(input: DecideInput): Extension {
    const ext = getExtension(ctx.db, input.id);
    if (ext.state !== 'pending') throw new AppError('conflict', `「${ext.itemTitle}」的这条延期申请已${ext.state === 'approved' ? '同意' : '不同意'}，不能再审批`);
    if (!input.approve && !input.note) throw new AppError('invalid_input', '不同意延期时请写明理由（审批意见）');
    const at = ctx.now().toISOString();
    ctx.db.transaction(() => {
      const it = itemDeadline(ctx.db, ext.itemId);
      ctx.db
        .prepare('UPDATE item_extensions SET state = ?, decision_note = ?, decided_at = ?, decided_by = ? WHERE id = ?')
        .run(input.approve ? 'approved' : 'refused', input.note, at, operator(), ext.id);
      const entries: ChangeEntry[] = [];
      if (input.approve) {
        ctx.db.prepare('UPDATE items SET deadline_date = ?, deadline_text = ?, updated_at = ? WHERE id = ?').run(ext.requestedDate, chineseDate(ext.requestedDate), at, ext.itemId);
        entries.push({ entity: 'item', entityId: ext.itemId, action: 'extension-approve', field: 'deadline', before: it.deadline_text || it.deadline_date, after: `${ext.requestedDate}${input.note ? `（${input.note}）` : ''}` });
      } else {
        entries.push({ entity: 'item', entityId: ext.itemId, action: 'extension-refuse', field: 'deadline', before: `申请延期至 ${ext.requestedDate}`, after: `未同意：${input.note}` });
      }
      createHistory(ctx.db).record(entries, operator(), at);
    })();
    return getExtension(ctx.db, ext.id);
  }

  return { request, decide, list: (q: { state?: Extension['state']; itemId?: number }) => listExtensions(ctx.db, q) };
}
