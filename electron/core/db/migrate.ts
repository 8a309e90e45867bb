import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/contract/errors';
import { MIGRATIONS, type Migration } from './migrations';
import { registerSearchFunctions } from './char-search';
import { writePlannerStats } from './planner-stats';

/** Raised when the database was written by a newer version of the app. */
export class DatabaseFromFutureError extends AppError {
  constructor(found: number, latest: number) {
    super(
      'database_from_future',
      `数据库版本为 ${found}，高于本程序支持的版本 ${latest}。请使用更新版本的清单通打开，或从备份恢复。`,
    );
  }
}

/** Reads PRAGMA user_version. */
export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every pending migration, each in its own transaction, up to `target`
 * (default: the latest). Refuses a database newer than this program.
 */
export function migrate(db: Database, target?: number, migrations: readonly Migration[] = MIGRATIONS): number {
  const latest = migrations.length ? migrations[migrations.length - 1].version : 0;
  const goal = target ?? latest;
  // 1, 2, 3, … with no gap: a database at version n has run every step up to n, so a step numbered
  // below one already shipped (a branch merged late) would never run; renumber it instead
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  // The char index's triggers call this app's SQL function: every migrated connection has it.
  registerSearchFunctions(db);
  const current = schemaVersion(db);
  if (current > latest) throw new DatabaseFromFutureError(current, latest);
  for (const m of migrations) {
    if (m.version <= current || m.version > goal) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  // A migration may add an index: the fixed planner statistics (planner-stats.ts) then cover it too.
  if (schemaVersion(db) !== current && schemaVersion(db) >= 7) writePlannerStats(db);
  return schemaVersion(db);
}
