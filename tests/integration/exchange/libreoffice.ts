import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { convertToPdfSync } from '../../calc/office';

/** Where tests put PDFs and PNGs for a person to look at (gitignored). */
export const LOOK_DIR = resolve(__dirname, '../../../test-output/excel');

/** Converts workbooks to PDF with LibreOffice Calc (the run's one office, see tests/calc/office.ts). */
export function toPdf(files: Record<string, Uint8Array>): Record<string, string> {
  const dir = join(tmpdir(), `qd-lo-${randomUUID()}`);
  mkdirSync(dir, { recursive: true });
  mkdirSync(LOOK_DIR, { recursive: true });
  const pdfs = Object.entries(files).map(([name, bytes]) => {
    const input = join(dir, `${name}.xlsx`);
    writeFileSync(input, bytes);
    return { name, input, output: join(LOOK_DIR, `${name}.pdf`) };
  });
  try {
    convertToPdfSync(pdfs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return Object.fromEntries(pdfs.map((p) => [p.name, p.output]));
}

export function pageCount(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}

/** Text of a PDF (or of pages first..last) in drawing order, so a wrapped cell's lines stay together. */
export function pdfText(pdf: string, first?: number, last?: number): string {
  const range = first ? ['-f', String(first), '-l', String(last ?? first)] : [];
  return execFileSync('pdftotext', [...range, '-raw', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** PNGs of the first pages, next to the PDF, for looking at row heights, overlaps and cut text. */
export function toPng(pdf: string, lastPage = 3): void {
  execFileSync('pdftoppm', ['-png', '-r', '70', '-l', String(lastPage), pdf, pdf.replace(/\.pdf$/, '')]);
}

/** Text without any whitespace, so wrapped lines compare with the original. */
export const squash = (s: string): string => s.replace(/\s+/g, '');
