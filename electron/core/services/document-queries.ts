import type { z } from 'zod';
import type { DocumentHitSchema, OpenInstructionsSchema } from '../../../shared/contract/schemas/documents';
import type { CoreContext } from '../context';
import { createDocumentsRepository, normalizeDocNo, toFields } from '../repositories/documents-repository';

type Hit = z.output<typeof DocumentHitSchema>;
type OpenEntry = z.output<typeof OpenInstructionsSchema>;

const FIELD_LABELS: Readonly<Record<string, string>> = {
  subject: '文件主题',
  docNo: '文号',
  issuer: '来文机关',
  receiptNo: '收文编号',
  proposedUnits: '拟发单位',
  submitOpinion: '送批意见',
  officeOpinion: '办公室意见',
  remark: '备注',
};

/** Searches and reports over documents (read-only). */
export function createDocumentQueries(ctx: CoreContext) {
  const repo = () => createDocumentsRepository(ctx.db);

  /** Documents matching a keyword of any length, each with the fields it matched in. */
  function search(keyword: string, limit: number): Hit[] {
    const { rows } = repo().list({ keyword, offset: 0, limit });
    const docNoKeyword = normalizeDocNo(keyword) || keyword;
    return rows.map((row) => {
      const fields = toFields(repo().row(row.id));
      const matched = Object.entries(FIELD_LABELS)
        .filter(([k]) => {
          const v = fields[k as keyof typeof fields];
          return v.includes(keyword) || (k === 'docNo' && v.includes(docNoKeyword));
        })
        .map(([, label]) => label);
      if (repo().instructions(row.id).some((n) => n.content.includes(keyword) || n.person.includes(keyword))) matched.push('领导批示');
      return { ...row, matched };
    });
  }

  /** Documents whose instructions are still open, with those instructions. */
  function openInstructions(): OpenEntry[] {
    const { rows } = repo().list({ openOnly: true, offset: 0, limit: 100000 });
    return rows.map((document) => ({ document, instructions: repo().instructions(document.id).filter((n) => n.open) }));
  }

  return { search, openInstructions };
}
