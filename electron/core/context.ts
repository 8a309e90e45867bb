import type { Database } from 'better-sqlite3';
import { openDatabase } from './db/open-database';

/** Where the core keeps its files. Injected: main passes userData paths, tests pass temp dirs. */
export interface CorePaths {
  readonly dbPath: string;
  readonly backupDir: string;
  /** Folder with seed-plan.txt and other shipped resources. */
  readonly resourcesDir: string;
}

/** What handlers and services share: the open database (replaced on restore), paths and a clock. */
export interface CoreContext {
  readonly paths: CorePaths;
  readonly db: Database;
  now(): Date;
  /** Closes and reopens the database file (after a restore). */
  reopen(): void;
  close(): void;
}

/** Opens the database at `paths.dbPath` and wraps it in a context. */
export function createContext(paths: CorePaths, clock: () => Date = () => new Date()): CoreContext {
  let db = openDatabase(paths.dbPath);
  return {
    paths,
    get db() {
      return db;
    },
    now: clock,
    reopen() {
      db.close();
      db = openDatabase(paths.dbPath);
    },
    close() {
      if (db.open) db.close();
    },
  };
}

/** Local date as yyyy-mm-dd (offices work in local time). */
export function localDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
