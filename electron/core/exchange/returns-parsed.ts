import { readAppWorkbook, type AppWorkbook } from '../excel/app-workbook-reader';

/**
 * The workbooks the last preview of returns parsed, by content hash and file name. Applying comes
 * right after a preview of the same files (the user looks, then confirms), so apply takes them from
 * here instead of parsing every file a second time — parsing is most of a preview's time. Only the
 * last preview's files are kept, and apply empties it. A workbook as read is never changed after.
 */
let kept = new Map<string, AppWorkbook>();

/** One plan's reader: `keep` (a preview) leaves what it read for the apply that follows; an apply empties it. */
export function returnedWorkbooks(keep: boolean) {
  const used = new Map<string, AppWorkbook>();
  return {
    async read(bytes: Uint8Array, name: string, hash: string): Promise<AppWorkbook> {
      const key = `${hash}\n${name}`;
      const wb = used.get(key) ?? kept.get(key) ?? (await readAppWorkbook(bytes, name));
      used.set(key, wb);
      return wb;
    },
    done(): void {
      kept = keep ? used : new Map();
    },
  };
}

export type ReturnedWorkbooks = ReturnType<typeof returnedWorkbooks>;
