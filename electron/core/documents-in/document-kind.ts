import { ImportFileError, quoteFile } from '../excel/import-file-error';
import { readZipDirectory } from '../excel/zip-guard';

/** A document the importer reads besides workbooks, told by its bytes. */
export type DocumentKind = 'docx' | 'doc' | 'pdf' | 'wps' | 'ofd';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d];

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  return magic.every((value, i) => bytes[at + i] === value);
}

/** Stream names live in the compound file's directory as UTF-16LE. */
function hasOleStream(bytes: Uint8Array, name: string): boolean {
  const needle = Buffer.from(`${name}\u0000`, 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle) >= 0;
}

/** A PDF may carry a few junk bytes before %PDF- (the format allows 1 KB). */
function isPdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024));
  return startsWith(bytes, PDF_MAGIC) || head.indexOf('%PDF-') >= 0;
}

const WORD_NAME = /\.(docx|docm|dotx|doc|wps)$/i;

/**
 * Which document reader a file needs, or null for anything else (workbooks, CSV, …, left to the
 * workbook reader). A password-protected Word file is an OLE file holding EncryptionInfo, the same
 * bytes as a protected workbook: only then does the name decide the message.
 */
export function documentKind(bytes: Uint8Array, fileName: string): DocumentKind | null {
  if (isPdf(bytes)) return 'pdf';
  if (startsWith(bytes, ZIP_MAGIC)) {
    const names = readZipDirectory(bytes)?.map((e) => e.name) ?? [];
    if (names.some((n) => /^word\/document\.xml$/i.test(n))) return 'docx';
    if (names.some((n) => /^OFD\.xml$/i.test(n))) return 'ofd';
    return null;
  }
  if (!startsWith(bytes, OLE_MAGIC)) return null;
  if (hasOleStream(bytes, 'EncryptionInfo') || hasOleStream(bytes, 'EncryptedPackage')) {
    if (WORD_NAME.test(fileName)) throw encryptedDocument(fileName);
    return null;
  }
  if (hasOleStream(bytes, 'WordDocument')) return /\.wps$/i.test(fileName) ? 'wps' : 'doc';
  return null;
}

export function encryptedDocument(fileName: string): ImportFileError {
  return new ImportFileError(
    'encrypted',
    fileName,
    `${quoteFile(fileName)}设置了打开密码，无法读取。请在 Word 或 WPS 中打开后取消密码（文件 → 信息 → 保护文档 → 用密码进行加密，清空密码）并保存，再导入`,
  );
}
