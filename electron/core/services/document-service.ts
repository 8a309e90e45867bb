import type { z } from 'zod';
import { AppError } from '../../../shared/contract/errors';
import type {
  Document,
  DocumentFields,
  DocumentFile,
  DocumentSaveSchema,
  Instruction,
} from '../../../shared/contract/schemas/documents';
import type { CoreContext } from '../context';
import { createDocumentsRepository, documentFlags, normalizeDocNo, toFields } from '../repositories/documents-repository';
import { createSettingsRepository } from '../repositories/settings-repository';
import { checkAttachment } from './document-files';
import { createHistory, type ChangeEntry } from './history';

type Save = z.output<typeof DocumentSaveSchema>;
type InstructionInput = Save['instructions'][number];

function snippet(s: string): string {
  return s.length > 20 ? `${s.slice(0, 20)}…` : s;
}

/** 来文 as the 来文批示 page edits them: one transaction per save, with history. */
export function createDocumentService(ctx: CoreContext) {
  const repo = () => createDocumentsRepository(ctx.db);
  const log = (entries: ChangeEntry[]) =>
    createHistory(ctx.db).record(entries, createSettingsRepository(ctx.db).settings().operator, ctx.now().toISOString());

  function get(id: number): Document {
    const r = repo().row(id);
    return {
      ...toFields(r),
      id: r.id,
      flags: documentFlags(r),
      instructions: repo().instructions(id),
      files: repo().files(id),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  }

  /** Refuses ids of other documents and the removal of an instruction that already became a task. */
  function checkInstructions(id: number | undefined, input: readonly InstructionInput[]): Instruction[] {
    const existing = id === undefined ? [] : repo().instructions(id);
    for (const n of input) {
      if (n.id !== undefined && !existing.some((e) => e.id === n.id)) {
        throw new AppError('not_found', `领导批示（编号 ${n.id}）不属于这份来文，未做任何修改`);
      }
    }
    for (const e of existing) {
      if (e.tasks.length > 0 && !input.some((n) => n.id === e.id)) {
        const who = e.person ? `${e.person}的` : '';
        throw new AppError('conflict', `${who}领导批示「${snippet(e.content || e.givenOn)}」已转为任务「${e.tasks[0].title}」，不能删除；请先删除该任务。未做任何修改`);
      }
    }
    return existing;
  }

  function writeInstructions(documentId: number, input: readonly InstructionInput[], existing: readonly Instruction[]): void {
    const keep = new Set(input.map((n) => n.id).filter((x): x is number => x !== undefined));
    const del = ctx.db.prepare('DELETE FROM instructions WHERE id = ?');
    existing.filter((e) => !keep.has(e.id)).forEach((e) => del.run(e.id));
    const upd = ctx.db.prepare('UPDATE instructions SET person = @person, given_on = @givenOn, content = @content, sort = @sort WHERE id = @id');
    const ins = ctx.db.prepare('INSERT INTO instructions(document_id, person, given_on, content, sort) VALUES (@documentId, @person, @givenOn, @content, @sort)');
    input.forEach((n, sort) => {
      const v = { person: n.person, givenOn: n.givenOn, content: n.content, sort };
      if (n.id !== undefined) upd.run({ ...v, id: n.id });
      else ins.run({ ...v, documentId });
    });
  }

  function changes(id: number, before: DocumentFields | null, after: DocumentFields): ChangeEntry[] {
    if (!before) return [{ entity: 'document', entityId: id, action: 'create', after: after.subject }];
    return (Object.keys(after) as (keyof DocumentFields)[])
      .filter((k) => before[k] !== after[k])
      .map((k) => ({ entity: 'document', entityId: id, action: 'update', field: k, before: before[k], after: after[k] }));
  }

  /** Creates or replaces a document and its instructions. Missing 文号 or date is kept and flagged, never refused. */
  function save(input: Save): Document {
    const fields: DocumentFields = { ...input.fields, docNo: normalizeDocNo(input.fields.docNo) };
    const before = input.id === undefined ? null : toFields(repo().row(input.id));
    const existing = checkInstructions(input.id, input.instructions);
    const id = ctx.db.transaction(() => {
      const docId = repo().write(input.id, fields, ctx.now().toISOString());
      writeInstructions(docId, input.instructions, existing);
      const entries = changes(docId, before, fields);
      const instrBefore = JSON.stringify(existing.map((e) => [e.person, e.givenOn, e.content]));
      const instrAfter = JSON.stringify(input.instructions.map((e) => [e.person, e.givenOn, e.content]));
      if (before && instrBefore !== instrAfter) entries.push({ entity: 'document', entityId: docId, action: 'update', field: 'instructions', before: instrBefore, after: instrAfter });
      log(entries);
      return docId;
    })();
    return get(id);
  }

  /** Deletes a document, its instructions and files; tasks made from it stay, unlinked. */
  function remove(id: number): { deleted: number; tasksKept: number } {
    const doc = repo().row(id);
    return ctx.db.transaction(() => {
      const tasks = (ctx.db.prepare('SELECT count(*) AS n FROM items t JOIN instructions n ON n.id = t.instruction_id WHERE n.document_id = ?').get(id) as { n: number }).n;
      ctx.db.prepare('DELETE FROM documents WHERE id = ?').run(id);
      log([{ entity: 'document', entityId: id, action: 'delete', before: doc.subject }]);
      return { deleted: 1, tasksKept: tasks };
    })();
  }

  function attach(documentId: number, fileName: string, bytes: Uint8Array): DocumentFile {
    repo().row(documentId);
    const mime = checkAttachment(fileName, bytes);
    const at = ctx.now().toISOString();
    const fileId = ctx.db.transaction(() => {
      const r = ctx.db
        .prepare('INSERT INTO document_files(document_id, file_name, mime, size, data, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(documentId, fileName, mime, bytes.length, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), at);
      log([{ entity: 'document', entityId: documentId, action: 'attach', field: 'files', after: fileName }]);
      return Number(r.lastInsertRowid);
    })();
    return repo().files(documentId).find((f) => f.id === fileId)!;
  }

  function file(fileId: number): { fileName: string; mime: string; bytes: Uint8Array<ArrayBuffer> } {
    const r = ctx.db.prepare<[number], { file_name: string; mime: string; data: Buffer }>('SELECT file_name, mime, data FROM document_files WHERE id = ?').get(fileId);
    if (!r) throw new AppError('not_found', `附件（编号 ${fileId}）不存在`);
    return { fileName: r.file_name, mime: r.mime, bytes: Uint8Array.from(r.data) };
  }

  function detach(fileId: number): void {
    const r = ctx.db.prepare<[number], { document_id: number; file_name: string }>('SELECT document_id, file_name FROM document_files WHERE id = ?').get(fileId);
    if (!r) throw new AppError('not_found', `附件（编号 ${fileId}）不存在`);
    ctx.db.transaction(() => {
      ctx.db.prepare('DELETE FROM document_files WHERE id = ?').run(fileId);
      log([{ entity: 'document', entityId: r.document_id, action: 'detach', field: 'files', before: r.file_name }]);
    })();
  }

  return { get, save, remove, attach, file, detach };
}
