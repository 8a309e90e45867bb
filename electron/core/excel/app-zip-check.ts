import { AppError } from '../../../shared/contract/errors';
import { inspectOle } from './ole-encryption';

/** Limits for a workbook the app reads back (returned templates): generous for 300 rows × 30 files. */
export const APP_WORKBOOK_LIMITS = { maxFileBytes: 30 * 1024 * 1024, maxUnpackedBytes: 300 * 1024 * 1024, maxRatio: 200 };

const u32 = (b: Uint8Array, at: number) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);

/** Sum of the entries' unpacked sizes from the zip's central directory, or null when there is none. */
function unpackedSize(b: Uint8Array): number | null {
  for (let eocd = b.length - 22; eocd >= Math.max(0, b.length - 65557); eocd--) {
    if (u32(b, eocd) !== 0x06054b50) continue;
    const entries = u16(b, eocd + 10);
    let at = u32(b, eocd + 16);
    let total = 0;
    for (let i = 0; i < entries && at + 46 <= b.length; i++) {
      if (u32(b, at) !== 0x02014b50) return null;
      total += u32(b, at + 24);
      at += 46 + u16(b, at + 28) + u16(b, at + 30) + u16(b, at + 32);
    }
    return total;
  }
  return null;
}

/** What kind of workbook a returned file is: ExcelJS reads .xlsx, SheetJS the rest. */
export type AppWorkbookFormat = 'xlsx' | 'xls' | 'ods';

/** Whether the zip holds an OpenDocument spreadsheet (mimetype entry, content.xml) rather than xl/workbook.xml. */
function zipFormat(b: Uint8Array): AppWorkbookFormat | null {
  const head = new TextDecoder('latin1').decode(b.subarray(0, 200));
  if (head.includes('mimetypeapplication/vnd.oasis.opendocument.spreadsheet')) return 'ods';
  return head.includes('mimetype') ? null : 'xlsx';
}

/**
 * Refuses, with a Chinese message naming the file, what cannot be an app-made workbook: empty or
 * huge files, encrypted workbooks (told by their own encryption records: a protected sheet saved
 * as .xls is not encrypted), other files, and zip bombs. Answers which reader the file needs.
 */
export function checkAppWorkbookBytes(bytes: Uint8Array, fileName: string): AppWorkbookFormat {
  const name = `文件「${fileName}」`;
  if (bytes.length === 0) throw new AppError('bad_file', `${name}是空文件（0 字节）`);
  if (bytes.length > APP_WORKBOOK_LIMITS.maxFileBytes) throw new AppError('bad_file', `${name}超过 30 MB，不像是填报模板`);
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return oleFormat(bytes, name);
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) {
    throw new AppError('bad_file', `${name}不是 .xlsx、.xls 或 .ods 工作簿（可能是改了扩展名的其他文件）`);
  }
  const size = unpackedSize(bytes);
  if (size === null) throw new AppError('bad_file', `${name}已损坏（压缩目录不完整），请重新保存后再导入`);
  if (size > APP_WORKBOOK_LIMITS.maxUnpackedBytes || size > bytes.length * APP_WORKBOOK_LIMITS.maxRatio) {
    throw new AppError('bad_file', `${name}解压后过大（${Math.round(size / 1024 / 1024)} MB），已拒绝读取`);
  }
  const format = zipFormat(bytes);
  if (!format) throw new AppError('bad_file', `${name}是 OpenDocument 文本或演示文稿，不是表格`);
  return format;
}

function oleFormat(bytes: Uint8Array, name: string): AppWorkbookFormat {
  const kind = inspectOle(bytes);
  if (kind === 'encrypted') {
    throw new AppError('bad_file', `${name}设置了打开密码，无法读取；请在 Excel/WPS 中打开，取消打开密码（工作表保护不必取消）后保存，再导入`);
  }
  if (kind === 'workbook') return 'xls';
  if (kind === 'unreadable') throw new AppError('bad_file', `${name}已损坏（旧版 Office 文件结构无法读取），请在 Excel/WPS 中打开并重新保存后再导入`);
  throw new AppError('bad_file', `${name}是 Word 或其他旧版 Office 文件，不是 Excel 工作簿`);
}
