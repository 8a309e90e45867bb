import { ImportFileError, quoteFile } from './import-file-error';
import { inspectOle } from './ole-encryption';
import { guessUtf16 } from './text-decode';
import { readZipDirectory, type ZipEntry } from './zip-guard';

/**
 * What a file really is, by its bytes, never by its name:
 * - zip: .xlsx/.xlsm/.xlsb/.ods (entries given for the zip-bomb check);
 * - ole: .xls / WPS .et (OLE compound file with a Workbook stream);
 * - markup: HTML or XML tables saved as .xls by many systems;
 * - text: CSV / TSV.
 */
export type SniffedFile =
  | { kind: 'zip'; entries: ZipEntry[] }
  | { kind: 'ole' }
  | { kind: 'markup' }
  | { kind: 'text' };

interface Signature {
  bytes: readonly number[];
  what: string;
}

const FOREIGN_SIGNATURES: readonly Signature[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'PDF 文件' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'PNG 图片' },
  { bytes: [0xff, 0xd8, 0xff], what: 'JPEG 图片' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'GIF 图片' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'RAR 压缩包' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: '7z 压缩包' },
  { bytes: [0x1f, 0x8b], what: 'gzip 压缩包' },
  { bytes: [0x4d, 0x5a], what: 'Windows 程序' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'Linux 程序' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'RTF 文档' },
];

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((value, i) => bytes[i] === value);
}

/** Decides the reader, or throws ImportFileError naming what the file looks like instead. */
export function sniffFile(bytes: Uint8Array, fileName: string): SniffedFile {
  if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, EMPTY_ZIP_MAGIC)) return sniffZip(bytes, fileName);
  if (startsWith(bytes, OLE_MAGIC)) return sniffOle(bytes, fileName);
  const foreign = FOREIGN_SIGNATURES.find((s) => startsWith(bytes, s.bytes));
  if (foreign) throw notSpreadsheet(fileName, foreign.what);
  if (looksBinary(bytes)) throw notSpreadsheet(fileName, '无法识别的二进制文件');
  return looksLikeMarkup(bytes) ? { kind: 'markup' } : { kind: 'text' };
}

export function notSpreadsheet(fileName: string, looksLike: string): ImportFileError {
  return new ImportFileError(
    'not_spreadsheet',
    fileName,
    `${quoteFile(fileName)}不是 Excel 或 CSV 表格（看起来是${/^[A-Za-z0-9]/.test(looksLike) ? ' ' : ''}${looksLike}）。请选择 .xlsx、.xls 或 .csv 文件`,
  );
}

export function encryptedError(fileName: string): ImportFileError {
  return new ImportFileError(
    'encrypted',
    fileName,
    `${quoteFile(fileName)}设置了打开密码，无法读取。请在 Excel 或 WPS 中打开后取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）并保存，再导入`,
  );
}

function sniffZip(bytes: Uint8Array, fileName: string): SniffedFile {
  const entries = readZipDirectory(bytes);
  if (!entries) {
    throw new ImportFileError('corrupt', fileName, `${quoteFile(fileName)}已损坏或不完整（压缩目录无法读取），请让发送方重新发送`);
  }
  const names = entries.map((e) => e.name);
  const has = (re: RegExp): boolean => names.some((n) => re.test(n));
  if (has(/^xl\/workbook\.(xml|bin)$/i) || has(/^content\.xml$/) || has(/^Workbook\.xml$/i)) {
    if (entries.some((e) => (e.flags & 1) === 1)) throw encryptedError(fileName);
    return { kind: 'zip', entries };
  }
  if (has(/^word\//)) throw notSpreadsheet(fileName, 'Word 文档');
  if (has(/^ppt\//)) throw notSpreadsheet(fileName, 'PowerPoint 演示文稿');
  if (has(/^OFD\.xml$/i)) throw notSpreadsheet(fileName, 'OFD 版式文件');
  throw notSpreadsheet(fileName, 'ZIP 压缩包');
}

/** Stream names live in the compound file's directory as UTF-16LE. */
function hasOleStream(bytes: Uint8Array, name: string): boolean {
  const needle = Buffer.from(`${name}\u0000`, 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle) >= 0;
}

function sniffOle(bytes: Uint8Array, fileName: string): SniffedFile {
  // Encrypted by its own records (EncryptionInfo/EncryptedPackage, or FILEPASS in an .xls); a protected
  // sheet saved as .xls is not encryption and is read.
  const ole = inspectOle(bytes);
  if (ole === 'encrypted') throw encryptedError(fileName);
  if (ole === 'workbook') return { kind: 'ole' };
  if (hasOleStream(bytes, 'WordDocument')) throw notSpreadsheet(fileName, 'Word 文档（.doc）');
  if (hasOleStream(bytes, 'PowerPoint Document')) throw notSpreadsheet(fileName, 'PowerPoint 演示文稿（.ppt）');
  return { kind: 'ole' };
}

/** NUL bytes in the first 8 KB mean binary, unless the text is UTF-16 (BOM or zero-byte pattern). */
function looksBinary(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]) || guessUtf16(bytes) !== null) return false;
  const head = bytes.subarray(0, 8192);
  return head.includes(0);
}

function looksLikeMarkup(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart();
  return /^<(?:!doctype\s+html|html|table|\?xml|meta|head|body)/i.test(head);
}
