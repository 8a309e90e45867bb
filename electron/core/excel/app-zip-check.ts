import { AppError } from '../../../shared/contract/errors';

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

/**
 * Refuses, with a Chinese message naming the file, what cannot be an app-made .xlsx: empty or huge
 * files, old .xls or encrypted workbooks (OLE containers), other files, and zip bombs.
 */
export function checkAppWorkbookBytes(bytes: Uint8Array, fileName: string): void {
  const name = `文件「${fileName}」`;
  if (bytes.length === 0) throw new AppError('bad_file', `${name}是空文件（0 字节）`);
  if (bytes.length > APP_WORKBOOK_LIMITS.maxFileBytes) throw new AppError('bad_file', `${name}超过 30 MB，不像是填报模板`);
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new AppError('bad_file', `${name}是旧版 .xls 或加密的工作簿；请在 Excel/WPS 中取消密码并另存为 .xlsx 后再导入`);
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) {
    throw new AppError('bad_file', `${name}不是 .xlsx 工作簿（可能是改了扩展名的其他文件）`);
  }
  const size = unpackedSize(bytes);
  if (size === null) throw new AppError('bad_file', `${name}已损坏（压缩目录不完整），请重新保存后再导入`);
  if (size > APP_WORKBOOK_LIMITS.maxUnpackedBytes || size > bytes.length * APP_WORKBOOK_LIMITS.maxRatio) {
    throw new AppError('bad_file', `${name}解压后过大（${Math.round(size / 1024 / 1024)} MB），已拒绝读取`);
  }
}
