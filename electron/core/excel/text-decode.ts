import { ImportFileError, formatBytes, quoteFile } from './import-file-error';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

const BOMS: readonly { bytes: readonly number[]; encoding: TextEncodingName }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/** Control characters that never appear in a real CSV (tab, CR, LF and form feed are fine). */
const BINARY_CONTROL = /[\u0000-\u0008\u000e-\u001f]/;

/**
 * Decodes a CSV or text table: a BOM decides; else strict UTF-8; else GB18030 (a superset of
 * GBK and GB2312, what Excel and WPS on Chinese Windows write); UTF-16 without BOM when every other
 * byte is zero; else a clear error. Text with control characters is an error too, not mojibake.
 */
export function decodeTableText(bytes: Uint8Array, fileName: string): DecodedText {
  const bom = BOMS.find((b) => b.bytes.every((value, i) => bytes[i] === value));
  if (bom) {
    const text = decodeStrict(bytes.subarray(bom.bytes.length), bom.encoding);
    if (text !== null) return checked({ text, encoding: bom.encoding }, fileName);
  }
  const wide = guessUtf16(bytes);
  const candidates: readonly TextEncodingName[] = wide ? [wide] : ['utf-8', 'gb18030'];
  for (const encoding of candidates) {
    const text = decodeStrict(bytes, encoding);
    if (text !== null) return checked({ text, encoding }, fileName);
  }
  throw encodingError(fileName, wide ? `看起来是无 BOM 的 ${wide.toUpperCase()}，但内容无法解码` : '既不是 UTF-8 也不是 GBK/GB18030 编码');
}

const PLAUSIBLE_CHAR = /[\t\r\n\u0020-\u007e\u00a0-\u00ff\u2000-\u206f\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/g;
const MIN_PLAUSIBLE_SHARE = 0.95;

/**
 * UTF-16 without a BOM (some "Unicode text" exports): the head decodes to tab- or comma-separated
 * lines of ASCII and Chinese only. Returns the byte order, or null when it does not look so.
 */
export function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const head = bytes.subarray(0, Math.min(bytes.byteLength, 4096) & ~1);
  if (head.length < 4 || !head.includes(0)) return null;
  for (const encoding of ['utf-16le', 'utf-16be'] as const) {
    const text = new TextDecoder(encoding).decode(head);
    const plausible = text.match(PLAUSIBLE_CHAR)?.length ?? 0;
    if (plausible >= text.length * MIN_PLAUSIBLE_SHARE && /[\t,\n]/.test(text)) return encoding;
  }
  return null;
}

function decodeStrict(bytes: Uint8Array, encoding: TextEncodingName): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function checked(decoded: DecodedText, fileName: string): DecodedText {
  const sample = decoded.text.slice(0, 64 * 1024);
  if (BINARY_CONTROL.test(sample)) {
    throw encodingError(fileName, '解码后含有控制字符，可能是其他编码或二进制文件');
  }
  return decoded;
}

function encodingError(fileName: string, why: string): ImportFileError {
  return new ImportFileError(
    'encoding',
    fileName,
    `${quoteFile(fileName)}的文字编码无法识别（${why}）。请在 Excel 或 WPS 中另存为 .xlsx，或另存为“CSV UTF-8”后再导入`,
  );
}

/**
 * Counts the records of a CSV text (quoted line breaks stay inside their record), stopping as soon
 * as the count passes `limit`, so a 500,000-row file is refused without building any row.
 */
export function countCsvRecords(text: string, limit: number): number {
  let count = 0;
  let inQuotes = false;
  let lineHasContent = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0x22) {
      inQuotes = !inQuotes;
      lineHasContent = true;
    } else if (code === 0x0a && !inQuotes) {
      count += 1;
      lineHasContent = false;
      if (count > limit) return count;
    } else if (code !== 0x0d) {
      lineHasContent = true;
    }
  }
  return lineHasContent ? count + 1 : count;
}

/** Message for a file larger than the reader accepts at all. */
export function tooLargeMessage(fileName: string, size: number, limit: number): string {
  return `${quoteFile(fileName)}有 ${formatBytes(size)}，超过导入上限 ${formatBytes(limit)}。请删去无关的工作表或行后再导入`;
}
