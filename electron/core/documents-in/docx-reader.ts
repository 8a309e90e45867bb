import mammoth from 'mammoth';
import { ImportFileError, quoteFile } from '../excel/import-file-error';
import { assertZipIsSafe, readZipDirectory, type ZipLimits } from '../excel/zip-guard';
import { assembleDocument, type DocumentContent } from './document-blocks';
import { htmlBlocks } from './html-blocks';

/** The HTML mammoth makes, images dropped (a scanned page inside a .docx is no text to read). */
export async function docxHtml(bytes: Uint8Array): Promise<string> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const result = await mammoth.convertToHtml({ buffer }, { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) });
  return result.value;
}

/**
 * Reads a .docx: body paragraphs and every table (merged cells kept), through mammoth, the one
 * module that touches it. The zip is checked first like a workbook's (zip bomb, corrupt entries).
 */
export async function readDocx(bytes: Uint8Array, fileName: string, limits: ZipLimits): Promise<DocumentContent> {
  const entries = readZipDirectory(bytes);
  if (!entries) throw new ImportFileError('corrupt', fileName, `${quoteFile(fileName)}已损坏或不完整（压缩目录无法读取），请让发送方重新发送`);
  assertZipIsSafe(bytes, entries, fileName, limits);
  let html: string;
  try {
    html = await docxHtml(bytes);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ImportFileError('corrupt', fileName, `${quoteFile(fileName)}无法读取，可能已损坏（${detail.slice(0, 120)}）。请在 Word 或 WPS 中打开并另存为 .docx 后再导入`);
  }
  return assembleDocument(htmlBlocks(html, fileName));
}
