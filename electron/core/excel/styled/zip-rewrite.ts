import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

interface Entry {
  name: string;
  central: Uint8Array;
  method: number;
  crc: number;
  data: Uint8Array;
  usize: number;
}

function readEntries(b: Uint8Array): Entry[] | null {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let end = b.length - 22;
  while (end >= 0 && v.getUint32(end, true) !== END) end--;
  if (end < 0) return null;
  const count = v.getUint16(end + 10, true);
  let at = v.getUint32(end + 16, true);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (v.getUint32(at, true) !== CENTRAL) return null;
    const [csize, usize, local] = [v.getUint32(at + 20, true), v.getUint32(at + 24, true), v.getUint32(at + 42, true)];
    if (csize === 0xffffffff || usize === 0xffffffff || local === 0xffffffff || v.getUint32(local, true) !== LOCAL) return null;
    const size = 46 + v.getUint16(at + 28, true) + v.getUint16(at + 30, true) + v.getUint16(at + 32, true);
    const name = new TextDecoder().decode(b.subarray(at + 46, at + 46 + v.getUint16(at + 28, true)));
    const dataStart = local + 30 + v.getUint16(local + 26, true) + v.getUint16(local + 28, true);
    entries.push({ name, central: b.slice(at, at + size), method: v.getUint16(at + 10, true), crc: v.getUint32(at + 16, true), data: b.subarray(dataStart, dataStart + csize), usize });
    at += size;
  }
  return entries;
}

function localHeader(e: Entry, nameBytes: Uint8Array): Uint8Array {
  const h = new Uint8Array(30 + nameBytes.length);
  const v = new DataView(h.buffer);
  const c = new DataView(e.central.buffer, e.central.byteOffset, e.central.byteLength);
  v.setUint32(0, LOCAL, true);
  v.setUint16(4, c.getUint16(6, true), true);
  v.setUint16(6, c.getUint16(8, true) & ~0x0008, true);
  v.setUint16(8, e.method, true);
  v.setUint32(10, c.getUint32(12, true), true);
  v.setUint32(14, e.crc, true);
  v.setUint32(18, e.data.length, true);
  v.setUint32(22, e.usize, true);
  v.setUint16(26, nameBytes.length, true);
  h.set(nameBytes, 30);
  return h;
}

function centralHeader(e: Entry, offset: number): Uint8Array {
  const h = e.central.slice();
  const v = new DataView(h.buffer);
  v.setUint16(8, v.getUint16(8, true) & ~0x0008, true);
  v.setUint16(10, e.method, true);
  v.setUint32(16, e.crc, true);
  v.setUint32(20, e.data.length, true);
  v.setUint32(24, e.usize, true);
  v.setUint32(42, offset, true);
  return h;
}

/**
 * Rewrites one text entry of a zip (an .xlsx part) and returns the new zip; the bytes come back
 * unchanged when the entry is missing or the zip is not a plain (non-zip64) one.
 */
export function rewriteZipText(bytes: Uint8Array<ArrayBuffer>, entryName: string, edit: (text: string) => string): Uint8Array<ArrayBuffer> {
  const entries = readEntries(bytes);
  const target = entries?.find((e) => e.name === entryName);
  if (!entries || !target) return bytes;
  const raw = target.method === 8 ? inflateRawSync(target.data) : target.data;
  const next = Buffer.from(edit(new TextDecoder().decode(raw)), 'utf8');
  Object.assign(target, { method: 8, crc: crc32(next), data: deflateRawSync(next), usize: next.length });
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const head = localHeader(e, new TextEncoder().encode(e.name));
    central.push(centralHeader(e, offset));
    parts.push(head, e.data);
    offset += head.length + e.data.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const v = new DataView(end.buffer);
  v.setUint32(0, END, true);
  v.setUint16(8, entries.length, true);
  v.setUint16(10, entries.length, true);
  v.setUint32(12, cdSize, true);
  v.setUint32(16, offset, true);
  const out = new Uint8Array(offset + cdSize + 22);
  let at = 0;
  for (const p of [...parts, ...central, end]) (out.set(p, at), (at += p.length));
  return out;
}

/** The names of a zip's entries (empty when its directory cannot be read). */
export function zipEntryNames(bytes: Uint8Array): string[] {
  return readEntries(bytes)?.map((e) => e.name) ?? [];
}

/**
 * Writes xsd:boolean attributes as 1/0 in the worksheets and styles of an .xlsx. LibreOffice Calc
 * (and some other programs) write `sheet="true"`, `locked="false"`, `fitToPage="true"`; ExcelJS only
 * understands 1/0 there, so a Calc-saved template would otherwise lose its sheet protection, lock
 * every fill cell and print without fit-to-width. Only attributes inside tags are touched, never text.
 */
export function normalizeXmlBooleans(bytes: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  const parts = zipEntryNames(bytes).filter((n) => /^xl\/(worksheets\/[^/]+\.xml|styles\.xml)$/.test(n));
  let out = bytes;
  for (const name of parts) {
    out = rewriteZipText(out, name, (xml) =>
      /="(true|false)"/.test(xml) ? xml.replace(/<[^<>]+>/g, (tag) => tag.replace(/(\s[\w:]+)="(true|false)"/g, (_, attr: string, v: string) => `${attr}="${v === 'true' ? '1' : '0'}"`)) : xml,
    );
  }
  return out;
}
