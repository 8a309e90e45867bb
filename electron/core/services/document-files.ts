import { AppError } from '../../../shared/contract/errors';

/** Largest attachment kept in the database. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

type Check = (b: Uint8Array) => boolean;

const starts =
  (...magic: number[]): Check =>
  (b) =>
    magic.every((v, i) => b[i] === v);
const ZIP = starts(0x50, 0x4b, 0x03, 0x04);
const OLE = starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
const PDF = starts(0x25, 0x50, 0x44, 0x46, 0x2d);
const JPEG = starts(0xff, 0xd8, 0xff);
const PNG = starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const TIFF: Check = (b) => starts(0x49, 0x49, 0x2a, 0x00)(b) || starts(0x4d, 0x4d, 0x00, 0x2a)(b);
const UTF16: Check = (b) => starts(0xff, 0xfe)(b) || starts(0xfe, 0xff)(b);
const TEXT: Check = (b) => UTF16(b) || !b.subarray(0, 8192).includes(0);

interface Kind {
  mime: string;
  what: string;
  check: Check;
}

/** Allowed extensions: what the content must look like. */
const KINDS: Readonly<Record<string, Kind>> = {
  pdf: { mime: 'application/pdf', what: 'PDF 文件', check: PDF },
  ofd: { mime: 'application/ofd', what: 'OFD 版式文件', check: ZIP },
  doc: { mime: 'application/msword', what: 'Word 97-2003 文档', check: OLE },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', what: 'Word 文档', check: ZIP },
  wps: { mime: 'application/vnd.ms-works', what: 'WPS 文字文档', check: (b) => OLE(b) || ZIP(b) },
  xls: { mime: 'application/vnd.ms-excel', what: 'Excel 97-2003 工作簿', check: OLE },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', what: 'Excel 工作簿', check: ZIP },
  jpg: { mime: 'image/jpeg', what: 'JPEG 图片', check: JPEG },
  jpeg: { mime: 'image/jpeg', what: 'JPEG 图片', check: JPEG },
  png: { mime: 'image/png', what: 'PNG 图片', check: PNG },
  tif: { mime: 'image/tiff', what: 'TIFF 图片', check: TIFF },
  tiff: { mime: 'image/tiff', what: 'TIFF 图片', check: TIFF },
  txt: { mime: 'text/plain', what: '文本文件', check: TEXT },
};

/** What a file with foreign content most likely is, for the message. */
function looksLike(b: Uint8Array): string {
  if (PDF(b)) return 'PDF 文件';
  if (ZIP(b)) return 'ZIP 压缩格式的文件';
  if (OLE(b)) return 'Office 97-2003 文件';
  if (JPEG(b)) return 'JPEG 图片';
  if (PNG(b)) return 'PNG 图片';
  if (starts(0x4d, 0x5a)(b)) return 'Windows 程序';
  if (starts(0x7f, 0x45, 0x4c, 0x46)(b)) return 'Linux 程序';
  return TEXT(b) ? '文本' : '无法识别的二进制内容';
}

function megabytes(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Checks an attachment by size, extension and content (magic bytes); returns its MIME type
 * or throws AppError('bad_file') with a message naming the file and what is wrong.
 */
export function checkAttachment(fileName: string, bytes: Uint8Array): string {
  const q = `附件「${fileName}」`;
  if (bytes.length === 0) throw new AppError('bad_file', `${q}是空文件，未保存`);
  if (bytes.length > MAX_ATTACHMENT_BYTES) {
    throw new AppError('bad_file', `${q}大小为 ${megabytes(bytes.length)}，超过 ${megabytes(MAX_ATTACHMENT_BYTES)} 的上限，未保存`);
  }
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1].toLowerCase() ?? '';
  const kind = KINDS[ext];
  if (!kind) {
    throw new AppError(
      'bad_file',
      `${q}的类型${ext ? `（.${ext}）` : '（无扩展名）'}不支持，未保存。可附加：PDF、OFD、Word（doc/docx/wps）、Excel（xls/xlsx）、图片（jpg/png/tif）、文本（txt）`,
    );
  }
  if (!kind.check(bytes)) {
    throw new AppError('bad_file', `${q}扩展名是 .${ext}，但内容不是${kind.what}（看起来是${looksLike(bytes)}），可能改过扩展名，未保存`);
  }
  return kind.mime;
}
