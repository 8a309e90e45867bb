/**
 * The only platform difference in the renderer: saving and picking files.
 * In Electron the preload offers native dialogs; in the browser we download a Blob.
 */

/** Reads picked or dropped files as bytes (works in Electron and the browser). */
export async function readFiles(files: FileList | readonly File[]): Promise<{ name: string; bytes: Uint8Array<ArrayBuffer> }[]> {
  return Promise.all([...files].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function mimeOf(name: string): string {
  if (name.endsWith('.xlsx')) return XLSX_MIME;
  if (name.endsWith('.docx')) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  if (name.endsWith('.pdf')) return 'application/pdf';
  if (name.endsWith('.csv')) return 'text/csv';
  return 'application/octet-stream';
}

/** Saves bytes under a suggested name: a save dialog in Electron, a download in the browser. Returns where, or null if cancelled. */
export async function saveBytes(fileName: string, bytes: Uint8Array): Promise<string | null> {
  if (window.desktop) return window.desktop.saveFile(fileName, bytes);
  const blob = new Blob([bytes as BlobPart], { type: mimeOf(fileName) });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return fileName;
}

/** Chromium drops downloads started faster than about 10 a second, so the browser gets them in small bursts. */
const DOWNLOAD_BURST = 8;
const DOWNLOAD_PAUSE_MS = 1200;

/**
 * Saves several files: one save dialog per file in Electron (prefer writing into a chosen folder
 * through the core), downloads in the browser, paced so none is dropped. Reports each file saved.
 */
export async function saveMany(files: readonly { fileName: string; bytes: Uint8Array }[], onProgress?: (done: number, total: number) => void): Promise<number> {
  let saved = 0;
  for (const [i, f] of files.entries()) {
    if (!window.desktop && i > 0 && i % DOWNLOAD_BURST === 0) await new Promise((ok) => setTimeout(ok, DOWNLOAD_PAUSE_MS));
    if (await saveBytes(f.fileName, f.bytes)) saved++;
    onProgress?.(i + 1, files.length);
  }
  return saved;
}

/** Asks for a folder (Electron only); null in the browser, where files are downloaded instead. */
export async function chooseFolder(): Promise<string | null> {
  return window.desktop ? window.desktop.chooseFolder() : null;
}

/** True where files can be written into a chosen folder (Electron); the browser downloads instead. */
export function canChooseFolder(): boolean {
  return !!window.desktop;
}
