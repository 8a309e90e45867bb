/**
 * One measured document run in its own process (clean memory numbers); prints one JSON line.
 *   docx-raw     <file>        baseline: mammoth's raw text extraction of the .docx
 *   pdf-raw      <file>        baseline: unpdf's text extraction of every page
 *   import       <file> <db>   the app: the import worker reads the document (tables and body
 *                              text), compares and writes one batch, as 导入 → 应用导入 does
 * Baselines answer how many tasks their text holds (（第N项） markers), the app how many it imported.
 */
import mammoth from 'mammoth';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { createAppImport } from './app-import';
import { createLaps } from './measure';

const { lap, markIdle, print } = createLaps();

const tasksIn = (text: string) => (text.replace(/\s+/g, '').match(/（第\d+项）/g) ?? []).length;

async function docxRaw(bytes: Uint8Array): Promise<number> {
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  lap('extract');
  return tasksIn(value);
}

async function pdfRaw(bytes: Uint8Array): Promise<number> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  lap('extract');
  return tasksIn(text);
}

/** The app's import workers: the worker reads the document (tables and body text), compares and writes. */
const { workers, run: pipeline } = createAppImport(lap, 'read');

const [mode, file, dbPath] = process.argv.slice(2);
const bytes = new Uint8Array(readFileSync(file));
if (mode === 'import' && !(await workers.prewarm())) throw new Error('import worker did not start: run `npm run build` first');
lap('load');
markIdle();
const items = mode === 'docx-raw' ? await docxRaw(bytes) : mode === 'pdf-raw' ? await pdfRaw(bytes) : await pipeline(bytes, dbPath, basename(file));
workers.close();
print(mode, items);
