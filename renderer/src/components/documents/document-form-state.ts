import type { z } from 'zod';
import type { Document, DocumentFields, DocumentSaveSchema, InstructionTask } from '../../../../shared/contract/schemas/documents';

/** One instruction row in the editor: `key` is local, `id` is set once saved. */
export interface InstructionDraft {
  key: string;
  id?: number;
  person: string;
  givenOn: string;
  content: string;
  tasks: readonly InstructionTask[];
  open: boolean;
}

/** What the form edits. */
export interface DocumentDraft {
  id?: number;
  fields: DocumentFields;
  instructions: InstructionDraft[];
}

let seq = 0;
/** A local key for a new instruction row. */
export function newKey(): string {
  seq += 1;
  return `new-${seq}`;
}

export const EMPTY_FIELDS: DocumentFields = {
  issuer: '',
  docNo: '',
  secrecy: '非密',
  receivedAt: '',
  subject: '',
  proposedUnits: '',
  submitOpinion: '',
  officeOpinion: '',
  remark: '',
  handler: '',
  phone: '',
  receiptNo: '',
};

export function emptyDraft(): DocumentDraft {
  return { fields: { ...EMPTY_FIELDS }, instructions: [] };
}

/** The editor's copy of a saved document. */
export function draftOf(d: Document): DocumentDraft {
  const { id, flags: _f, instructions, files: _files, createdAt: _c, updatedAt: _u, ...rest } = d;
  const fields = { ...EMPTY_FIELDS, ...rest, secrecy: rest.secrecy as DocumentFields['secrecy'] };
  return {
    id,
    fields,
    instructions: instructions.map((n) => ({ key: `id-${n.id}`, id: n.id, person: n.person, givenOn: n.givenOn, content: n.content, tasks: n.tasks, open: n.open })),
  };
}

/** The documents:save payload (instruction rows left completely empty are dropped). */
export function saveInput(d: DocumentDraft): z.input<typeof DocumentSaveSchema> {
  return {
    id: d.id,
    fields: d.fields,
    instructions: d.instructions
      .filter((n) => n.id !== undefined || n.person.trim() || n.content.trim() || n.givenOn.trim())
      .map((n) => ({ id: n.id, person: n.person, givenOn: n.givenOn, content: n.content })),
  };
}

/** Now as the 收文日期 field writes it: 2025-01-20 10:26. */
export function nowText(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
