import { strFromU8, unzipSync } from 'fflate';

/** A merged range of a sheet, 1-based rows and columns, with its A1 reference. */
export interface MergedRange {
  ref: string;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? '';

function colNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

function parseRef(ref: string): MergedRange | null {
  const m = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  if (!m) return null;
  return { ref, c1: colNumber(m[1]), r1: Number(m[2]), c2: colNumber(m[3]), r2: Number(m[4]) };
}

/** Sheet name → its part in the package (xl/worksheets/sheetN.xml), through workbook.xml and its rels. */
function sheetParts(files: Record<string, Uint8Array>): Map<string, string> {
  const wb = files['xl/workbook.xml'] ? strFromU8(files['xl/workbook.xml']) : '';
  const rels = files['xl/_rels/workbook.xml.rels'] ? strFromU8(files['xl/_rels/workbook.xml.rels']) : '';
  const target = new Map((rels.match(/<Relationship\b[^>]*>/g) ?? []).map((t) => [attr(t, 'Id'), attr(t, 'Target')]));
  const out = new Map<string, string>();
  for (const tag of wb.match(/<sheet\b[^>]*>/g) ?? []) {
    const t = target.get(attr(tag, 'r:id'));
    if (t) out.set(decode(attr(tag, 'name')), t.startsWith('/') ? t.slice(1) : `xl/${t}`);
  }
  return out;
}

/**
 * The merged ranges of each sheet of an .xlsx, read from the package itself (the cell reader gives a
 * merge's value only at its top-left and says nothing of the range). Empty when it cannot be read.
 */
export function readMergedRanges(bytes: Uint8Array): Map<string, MergedRange[]> {
  const out = new Map<string, MergedRange[]>();
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name.startsWith('xl/worksheets/sheet') || f.name === 'xl/workbook.xml' || f.name === 'xl/_rels/workbook.xml.rels' });
  } catch {
    return out;
  }
  for (const [name, part] of sheetParts(files)) {
    const xml = files[part] ? strFromU8(files[part]) : '';
    const ranges = (xml.match(/<mergeCell\b[^>]*>/g) ?? []).map((t) => parseRef(attr(t, 'ref'))).filter((r): r is MergedRange => r !== null);
    if (ranges.length) out.set(name, ranges);
  }
  return out;
}
