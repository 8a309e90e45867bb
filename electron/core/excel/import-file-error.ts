import { AppError } from '../../../shared/contract/errors';

/** Why a file could not be read at all (as opposed to a problem in one row). */
export type ImportFileErrorReason =
  | 'empty'
  | 'not_spreadsheet'
  | 'encrypted'
  | 'too_large'
  | 'zip_bomb'
  | 'too_many_rows'
  | 'encoding'
  | 'corrupt';

/**
 * A file that cannot be imported, with a Chinese message that names the file and says what to do,
 * e.g. 文件「x.pdf」不是 Excel 或 CSV 表格（看起来是 PDF 文件）. Thrown by `readWorkbookCells`.
 * An AppError with code 'bad_file', so dispatch answers it as is; `reason` says which case.
 */
export class ImportFileError extends AppError {
  constructor(
    readonly reason: ImportFileErrorReason,
    readonly fileName: string,
    message: string,
  ) {
    super('bad_file', message);
    this.name = 'ImportFileError';
  }
}

/** 「name」 as used in every message. */
export function quoteFile(fileName: string): string {
  return `文件「${fileName}」`;
}

/** 1.5 MB / 300 MB / 12 KB, for messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} 字节`;
}
