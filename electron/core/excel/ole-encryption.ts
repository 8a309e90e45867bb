import * as XLSX from '@e965/xlsx';

/** The part of SheetJS's compound-file reader used here (it is typed as `any`). */
interface CfbEntry {
  name: string;
  content?: Uint8Array | number[];
}
interface CfbContainer {
  FileIndex: CfbEntry[];
}
const CFB = XLSX.CFB as { read: (data: Uint8Array, opts: { type: 'buffer' | 'array' }) => CfbContainer };

/** BIFF record types: beginning and end of a substream, and the record that says "encrypted". */
const BOF = new Set([0x0809, 0x0409, 0x0209, 0x0009]);
const EOF = 0x000a;
const FILEPASS = 0x002f;

export type OleWorkbook = 'encrypted' | 'workbook' | 'not_workbook' | 'unreadable';

/**
 * What an OLE compound file (.xls, WPS .et, an encrypted .xlsx) is, by its own records — never by
 * guessing from the container: an encrypted OOXML package holds the EncryptionInfo/EncryptedPackage
 * streams; an encrypted .xls holds a FILEPASS record in the global substream of its Workbook stream
 * (BIFF8) or Book stream (BIFF5). Sheet or workbook protection without an open password writes
 * neither, so a protected sheet saved as .xls by Excel, WPS or LibreOffice is a plain workbook.
 */
export function inspectOle(bytes: Uint8Array): OleWorkbook {
  let cfb: CfbContainer;
  try {
    cfb = CFB.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: 'buffer' });
  } catch {
    return 'unreadable';
  }
  const stream = (name: string) => cfb.FileIndex.find((e) => e.name.toLowerCase() === name.toLowerCase());
  if (stream('EncryptionInfo') || stream('EncryptedPackage')) return 'encrypted';
  const book = stream('Workbook') ?? stream('Book');
  if (!book?.content) return 'not_workbook';
  return globalsHaveFilepass(Uint8Array.from(book.content)) ? 'encrypted' : 'workbook';
}

/** Walks the records of the workbook globals (from its BOF to its EOF) looking for FILEPASS. */
function globalsHaveFilepass(stream: Uint8Array): boolean {
  let at = 0;
  let first = true;
  while (at + 4 <= stream.length) {
    const type = stream[at] | (stream[at + 1] << 8);
    const size = stream[at + 2] | (stream[at + 3] << 8);
    if (first && !BOF.has(type)) return false;
    first = false;
    if (type === FILEPASS) return true;
    if (type === EOF) return false;
    at += 4 + size;
  }
  return false;
}
