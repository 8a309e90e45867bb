import { crc32, inflateRawSync } from 'node:zlib';
import { ImportFileError, formatBytes, quoteFile } from './import-file-error';

/** One entry of a zip central directory. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipLimits {
  /** Sum of declared uncompressed sizes allowed (default 200 MB). */
  maxUncompressedBytes: number;
  /** Largest uncompressed/compressed ratio for an entry over `ratioMinBytes`. */
  maxRatio: number;
  ratioMinBytes: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxRatio: 500,
  ratioMinBytes: 10 * 1024 * 1024,
  maxEntries: 10_000,
};

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const U32_MAX = 0xffffffff;

/** Reads the central directory; null when the bytes are not a readable zip. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEocd(view);
  if (eocd < 0) return null;
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if (offset === U32_MAX || count === 0xffff) {
    const z64 = readZip64Eocd(view, eocd);
    if (!z64) return null;
    ({ count, offset } = z64);
  }
  const entries: ZipEntry[] = [];
  let pos = offset;
  for (let i = 0; i < count; i += 1) {
    if (pos + 46 > view.byteLength || view.getUint32(pos, true) !== CENTRAL_SIG) return null;
    const entry = readCentralEntry(bytes, view, pos);
    entries.push(entry.entry);
    pos = entry.next;
  }
  return entries;
}

function findEocd(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 22; i >= lowest; i -= 1) {
    if (view.getUint32(i, true) === EOCD_SIG) return i;
  }
  return -1;
}

function readZip64Eocd(view: DataView, eocd: number): { count: number; offset: number } | null {
  const locator = eocd - 20;
  if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR_SIG) return null;
  const record = Number(view.getBigUint64(locator + 8, true));
  if (record + 56 > view.byteLength || view.getUint32(record, true) !== ZIP64_EOCD_SIG) return null;
  return { count: Number(view.getBigUint64(record + 32, true)), offset: Number(view.getBigUint64(record + 48, true)) };
}

function readCentralEntry(bytes: Uint8Array, view: DataView, pos: number): { entry: ZipEntry; next: number } {
  const nameLength = view.getUint16(pos + 28, true);
  const extraLength = view.getUint16(pos + 30, true);
  const commentLength = view.getUint16(pos + 32, true);
  const entry: ZipEntry = {
    name: new TextDecoder().decode(bytes.subarray(pos + 46, pos + 46 + nameLength)),
    flags: view.getUint16(pos + 8, true),
    method: view.getUint16(pos + 10, true),
    crc32: view.getUint32(pos + 16, true),
    compressedSize: view.getUint32(pos + 20, true),
    uncompressedSize: view.getUint32(pos + 24, true),
    localHeaderOffset: view.getUint32(pos + 42, true),
  };
  applyZip64Extra(view, pos + 46 + nameLength, extraLength, entry);
  return { entry, next: pos + 46 + nameLength + extraLength + commentLength };
}

/** Zip64 extra field (0x0001): 64-bit values for the fields that read 0xFFFFFFFF, in order. */
function applyZip64Extra(view: DataView, start: number, length: number, entry: ZipEntry): void {
  let pos = start;
  const end = Math.min(start + length, view.byteLength);
  while (pos + 4 <= end) {
    const id = view.getUint16(pos, true);
    const size = view.getUint16(pos + 2, true);
    if (id === 0x0001) {
      let field = pos + 4;
      const next = (): number => {
        const value = field + 8 <= end ? Number(view.getBigUint64(field, true)) : U32_MAX;
        field += 8;
        return value;
      };
      if (entry.uncompressedSize === U32_MAX) entry.uncompressedSize = next();
      if (entry.compressedSize === U32_MAX) entry.compressedSize = next();
      if (entry.localHeaderOffset === U32_MAX) entry.localHeaderOffset = next();
    }
    pos += 4 + size;
  }
}

/**
 * Refuses a zip bomb or a broken zip before any parser inflates it: too many entries, too large a
 * declared total, an extreme compression ratio, an entry that inflates to more than it declares
 * (a lying header), and an entry that does not inflate cleanly to its declared size and CRC.
 * Every entry is inflated once here with zlib and a hard output cap, so memory stays bounded; the
 * last check matters because SheetJS's own inflate can loop forever on a corrupt stream.
 */
export function assertZipIsSafe(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  fileName: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): void {
  const bomb = (detail: string): ImportFileError =>
    new ImportFileError('zip_bomb', fileName, `${quoteFile(fileName)}${detail}，可能是恶意构造的压缩文件，已拒绝读取`);
  if (entries.length > limits.maxEntries) throw bomb(`包含 ${entries.length} 个压缩条目（上限 ${limits.maxEntries}）`);
  const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (total > limits.maxUncompressedBytes) {
    throw bomb(`解压后有 ${formatBytes(total)}（上限 ${formatBytes(limits.maxUncompressedBytes)}）`);
  }
  for (const entry of entries) {
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > limits.ratioMinBytes && ratio > limits.maxRatio) {
      throw bomb(`中的「${entry.name}」压缩比异常（${Math.round(ratio)} 倍）`);
    }
    const check = checkEntry(bytes, entry);
    if (check === 'too_large') throw bomb(`中的「${entry.name}」解压后超过声明的 ${formatBytes(entry.uncompressedSize)}`);
    if (check === 'corrupt') {
      throw new ImportFileError('corrupt', fileName, `${quoteFile(fileName)}已损坏（其中的「${entry.name}」无法解压），请让发送方重新保存并发送`);
    }
  }
}

function checkEntry(bytes: Uint8Array, entry: ZipEntry): 'ok' | 'too_large' | 'corrupt' {
  if (entry.name.endsWith('/') && entry.uncompressedSize === 0) return 'ok';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.byteLength || view.getUint32(local, true) !== LOCAL_SIG) return 'corrupt';
  const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  if (dataStart + entry.compressedSize > bytes.byteLength) return 'corrupt';
  const data = bytes.subarray(dataStart, dataStart + entry.compressedSize);
  if (entry.method === 0) return entry.compressedSize === entry.uncompressedSize && crc32(data) === entry.crc32 ? 'ok' : 'corrupt';
  if (entry.method !== 8) return 'corrupt';
  try {
    const out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    return out.byteLength === entry.uncompressedSize && crc32(out) === entry.crc32 ? 'ok' : 'corrupt';
  } catch (error) {
    const tooLarge = error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
    return tooLarge ? 'too_large' : 'corrupt';
  }
}
