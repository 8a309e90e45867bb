import { extractTextItems, getDocumentProxy } from 'unpdf';
import { ImportFileError, quoteFile } from '../excel/import-file-error';
import { assembleDocument, type DocumentContent } from './document-blocks';
import { pageLines, type PdfLine } from './pdf-lines';
import { pdfBlocks } from './pdf-tables';

/** Most pages read from one PDF: a plan with its 附件 is tens of pages; thousands is no plan. */
export const MAX_PDF_PAGES = 500;

export const NO_TEXT_LAYER = '此 PDF 没有文字层（可能是扫描件），请向来文单位索取 Word 或 Excel 版本';

type PdfProxy = Awaited<ReturnType<typeof getDocumentProxy>>;

/** Opens a PDF with pdf.js (through unpdf, the one module that touches it); a copy, as pdf.js takes the buffer over. */
export async function openPdf(bytes: Uint8Array, fileName: string): Promise<PdfProxy> {
  try {
    return await getDocumentProxy(new Uint8Array(bytes));
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') {
      throw new ImportFileError('encrypted', fileName, `${quoteFile(fileName)}设置了打开密码，无法读取。请向来文单位索取未加密的版本，或在 PDF 阅读器中打开后另存一份无密码的文件再导入`);
    }
    const detail = error instanceof Error ? error.message : String(error);
    throw new ImportFileError('corrupt', fileName, `${quoteFile(fileName)}是 PDF 文件，但无法读取，可能已损坏（${detail.slice(0, 120)}）。请让发送方重新发送`);
  }
}

/** The raw text pdf.js gives, page by page (what the bench compares the import with). */
export async function pdfRawText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  try {
    const { items } = await extractTextItems(pdf);
    return items.map((page) => page.map((i) => i.str).join('')).join('\n');
  } finally {
    await pdf.loadingTask.destroy();
  }
}

/** Every page's lines, top to bottom; refuses a PDF over MAX_PDF_PAGES pages before reading any. */
export async function pdfLines(bytes: Uint8Array, fileName: string): Promise<PdfLine[]> {
  const pdf = await openPdf(bytes, fileName);
  try {
    if (pdf.numPages > MAX_PDF_PAGES) {
      throw new ImportFileError(
        'too_large',
        fileName,
        `${quoteFile(fileName)}有 ${pdf.numPages.toLocaleString('en-US')} 页，超过 ${MAX_PDF_PAGES} 页的导入上限，未读取。请只导入其中的方案和任务清单部分（可用 PDF 阅读器提取页面）`,
      );
    }
    const { items } = await extractTextItems(pdf);
    return items.flatMap((page, i) => pageLines(page, i + 1));
  } finally {
    await pdf.loadingTask.destroy();
  }
}

/** Reads a PDF's text layer: paragraphs for the plan-text reader, tables rebuilt from positions. */
export async function readPdf(bytes: Uint8Array, fileName: string): Promise<DocumentContent> {
  const lines = await pdfLines(bytes, fileName);
  if (lines.length === 0) throw new ImportFileError('corrupt', fileName, `${quoteFile(fileName)}：${NO_TEXT_LAYER}`);
  return assembleDocument(pdfBlocks(lines));
}
