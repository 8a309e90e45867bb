import { createHash } from 'node:crypto';
import type { ParseJob } from '../parse-sources';

/** How long a preview's reading is kept for the apply that follows. */
const KEEP_MS = 10 * 60 * 1000;

/**
 * The last preview's reading (the parsed sources as JSON), kept so that applying the same files
 * right after does not read them again: a 50,000-row list takes ~2 s to read. The key is a hash of
 * everything the reading depends on (each file's name and bytes, the pasted text, the column
 * choices and remembered mappings), computed here from the bytes the apply brings, so the apply
 * still never trusts what the client says it previewed; it compares with the database again.
 * One entry, dropped after ten minutes.
 */
export function createParseCache() {
  let entry: { key: string; json: string } | null = null;
  let timer: NodeJS.Timeout | null = null;
  return {
    keyOf(job: ParseJob): string {
      const h = createHash('sha256');
      for (const f of job.files) h.update(`${f.name}\u0000${f.bytes.byteLength}\u0000`).update(f.bytes);
      h.update(`\u0001${job.text ?? ''}\u0001${JSON.stringify(job.choices)}\u0001${JSON.stringify(job.mappingsByLayout)}`);
      return h.digest('hex');
    },
    get(key: string): string | null {
      return entry?.key === key ? entry.json : null;
    },
    put(key: string, json: string): void {
      entry = { key, json };
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => (entry = null), KEEP_MS);
      timer.unref();
    },
    clear(): void {
      entry = null;
    },
  };
}
