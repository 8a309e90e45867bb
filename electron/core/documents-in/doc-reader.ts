import WordExtractor from 'word-extractor';
import { ImportFileError, quoteFile } from '../excel/import-file-error';
import { assembleDocument, type DocumentContent } from './document-blocks';
import { docBlocks } from './doc-tables';

/** The body text word-extractor reads from a Word 97–2003 (or WPS) file; the one module that touches it. */
export async function docBody(bytes: Uint8Array): Promise<string> {
  const doc = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return doc.getBody({ filterUnicode: false });
}

/** Reads a .doc / .wps: paragraphs, and tables rebuilt from word-extractor's tab-separated cells. */
export async function readDoc(bytes: Uint8Array, fileName: string): Promise<DocumentContent> {
  let body: string;
  try {
    body = await docBody(bytes);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ImportFileError('corrupt', fileName, `${quoteFile(fileName)}无法读取，可能已损坏或不是 Word 97–2003 文档（${detail.slice(0, 120)}）。请在 Word 或 WPS 中打开并另存为 .docx 后再导入`);
  }
  return assembleDocument(docBlocks(body));
}
