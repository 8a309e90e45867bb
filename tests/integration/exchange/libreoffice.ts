import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

/** Where tests put PDFs and PNGs for a person to look at (gitignored). */
export const LOOK_DIR = resolve(__dirname, '../../../test-output/excel');

/** Converts workbooks to PDF with LibreOffice (own temp profile, so parallel runs never clash). */
export function toPdf(files: Record<string, Uint8Array>): Record<string, string> {
  const dir = join(tmpdir(), `qd-lo-${randomUUID()}`);
  const profile = join(tmpdir(), `lo-${randomUUID()}`);
  mkdirSync(dir, { recursive: true });
  mkdirSync(LOOK_DIR, { recursive: true });
  const paths = Object.entries(files).map(([name, bytes]) => {
    const p = join(dir, `${name}.xlsx`);
    writeFileSync(p, bytes);
    return p;
  });
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', LOOK_DIR, ...paths], { stdio: 'pipe', timeout: 180_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
  return Object.fromEntries(paths.map((p) => [basename(p, '.xlsx'), join(LOOK_DIR, `${basename(p, '.xlsx')}.pdf`)]));
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
