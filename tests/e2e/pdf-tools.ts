import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './harness';

/** PDFs and page PNGs of the print tests, for a person to look at. */
export const PRINT_OUTPUT = join(ROOT, 'test-output', 'print');

/** Number of pages (pdfinfo). */
export function pdfPageCount(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
}

/** Text of one page, or of all pages, in content order (pdftotext -raw keeps a cell's lines together). */
export function pdfText(pdf: string, pageNo?: number): string {
  const range = pageNo ? ['-f', String(pageNo), '-l', String(pageNo)] : [];
  return execFileSync('pdftotext', ['-raw', ...range, pdf, '-'], { encoding: 'utf8' });
}

/** Text without any whitespace, so wrapped cell text can be matched as one string. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Renders a print view to PDF (CSS page size, no Chromium header/footer) and its pages to PNG at 60 dpi. */
export async function printToPdf(page: Page, name: string): Promise<{ pdf: string; pngs: string[] }> {
  mkdirSync(PRINT_OUTPUT, { recursive: true });
  // exactly this print's files: 'bulletin' must not take (or delete) 'bulletin-cap-1.png' of another spec
  const ours = (f: string) => f === `${name}.pdf` || new RegExp(`^${name}-\\d+\\.png$`).test(f);
  for (const f of readdirSync(PRINT_OUTPUT)) if (ours(f)) rmSync(join(PRINT_OUTPUT, f));
  await page.locator('[data-print-ready="true"]').waitFor({ timeout: 60_000 });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const pdf = join(PRINT_OUTPUT, `${name}.pdf`);
  await page.pdf({ path: pdf, preferCSSPageSize: true, displayHeaderFooter: false, printBackground: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(PRINT_OUTPUT, name)]);
  const pngs = readdirSync(PRINT_OUTPUT)
    .filter((f) => ours(f) && f.endsWith('.png'))
    .sort()
    .map((f) => join(PRINT_OUTPUT, f));
  return { pdf, pngs };
}

/** The fonts a PDF embeds (pdffonts), to check the CJK font is the intended one. */
export function pdfFonts(pdf: string): string[] {
  return execFileSync('pdffonts', [pdf], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .map((l) => l.split(/\s+/)[0])
    .filter(Boolean);
}
