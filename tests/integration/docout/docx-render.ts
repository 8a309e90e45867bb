import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { convertToPdfSync } from '../../calc/office';

/** Where the rendered documents and their page PNGs go, for a person to look at (gitignored). */
export const DOCX_LOOK_DIR = resolve(__dirname, '../../../test-output/docx');

/** LibreOffice is needed to render; without it the tests skip locally but fail under CI=true. */
export const HAS_SOFFICE = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
export const SKIP_RENDER = !HAS_SOFFICE && process.env.CI !== 'true';

/**
 * Every XML part of a .docx parses (Python's XML parser) and [Content_Types].xml names a type for
 * every part; answers the problems found (empty when the package is sound).
 */
export function docxPackageProblems(bytes: Uint8Array): string[] {
  const dir = join(tmpdir(), `qd-docx-${randomUUID()}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'a.docx');
  writeFileSync(file, bytes);
  const script = `
import sys, zipfile, xml.dom.minidom as m
z = zipfile.ZipFile(sys.argv[1]); bad = []
ct = m.parseString(z.read('[Content_Types].xml'))
exts = {e.getAttribute('Extension').lower() for e in ct.getElementsByTagName('Default')}
parts = {o.getAttribute('PartName') for o in ct.getElementsByTagName('Override')}
for n in z.namelist():
    if n.endswith('/'): continue
    if n.endswith(('.xml', '.rels')):
        try: m.parseString(z.read(n))
        except Exception as e: bad.append(n + ': ' + str(e))
    if n != '[Content_Types].xml' and '/' + n not in parts and n.rsplit('.', 1)[-1].lower() not in exts: bad.append(n + ': no content type')
for o in parts:
    if o.lstrip('/') not in z.namelist(): bad.append(o + ': listed but missing')
print('\\n'.join(bad))`;
  try {
    const out = execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' });
    return out.split('\n').filter(Boolean);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Renders a .docx to PDF with LibreOffice Writer (the run's one office, see tests/calc/office.ts); answers the PDF path. */
export function renderDocx(name: string, bytes: Uint8Array): string {
  mkdirSync(DOCX_LOOK_DIR, { recursive: true });
  for (const f of readdirSync(DOCX_LOOK_DIR)) if (f.startsWith(`${name}.`) || f.startsWith(`${name}-`)) rmSync(join(DOCX_LOOK_DIR, f));
  const docx = join(DOCX_LOOK_DIR, `${name}.docx`);
  writeFileSync(docx, bytes);
  const pdf = join(DOCX_LOOK_DIR, `${name}.pdf`);
  convertToPdfSync([{ input: docx, output: pdf }]);
  return pdf;
}

/** PNGs (60 dpi) of some pages of a rendered PDF, next to it, to look at. */
export function pagePngs(pdf: string, pages: readonly number[]): void {
  for (const p of pages) execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(p), '-l', String(p), pdf, pdf.replace(/\.pdf$/, '')]);
}

export function pageCount(pdf: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? 0);
}

/** Width and height of a page in points (pdfinfo -f N -l N). */
export function pageSize(pdf: string, page: number): { width: number; height: number } {
  const info = execFileSync('pdfinfo', ['-f', String(page), '-l', String(page), pdf], { encoding: 'utf8' });
  const m = /Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+)/.exec(info);
  return { width: Number(m?.[1] ?? 0), height: Number(m?.[2] ?? 0) };
}

/** Text of each page (pdftotext -raw, split on form feeds). */
export function pageTexts(pdf: string): string[] {
  const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return text.split('\f').slice(0, pageCount(pdf));
}

/** Text without whitespace, so wrapped lines compare with the original. */
export const squash = (s: string): string => s.replace(/\s+/g, '');
