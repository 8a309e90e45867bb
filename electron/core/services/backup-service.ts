import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/contract/errors';
import type { BackupEntry } from '../../../shared/contract/schemas/backup';
import { localDate, type CoreContext } from '../context';
import { MIGRATIONS } from '../db/migrations';
import { createSettingsRepository } from '../repositories/settings-repository';

const PATTERN = /^qingdan-(auto|manual|before-restore)-(\d{8}-\d{6})(?:-\d+)?\.sqlite$/;

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

function entryOf(path: string): BackupEntry {
  const m = PATTERN.exec(basename(path));
  const st = statSync(path);
  return { fileName: basename(path), path, size: st.size, createdAt: st.mtime.toISOString(), kind: (m?.[1] as BackupEntry['kind']) ?? 'manual' };
}

function freePath(dir: string, kind: string, d: Date): string {
  let path = join(dir, `qingdan-${kind}-${stamp(d)}.sqlite`);
  for (let n = 2; existsSync(path); n++) path = join(dir, `qingdan-${kind}-${stamp(d)}-${n}.sqlite`);
  return path;
}

/** Checks that a file is a 清单通 database this program can open; says why not in Chinese. */
function checkBackupFile(path: string): void {
  if (!existsSync(path)) throw new AppError('not_found', `备份文件「${path}」不存在`);
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const ok = db.pragma('quick_check', { simple: true });
    if (ok !== 'ok') throw new AppError('bad_file', `备份文件「${basename(path)}」已损坏：${String(ok)}`);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > (MIGRATIONS.at(-1)?.version ?? 0)) throw new AppError('bad_file', `备份文件「${basename(path)}」来自更新版本的清单通（版本 ${version}），无法恢复`);
    if (!db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'items'").get()) throw new AppError('bad_file', `文件「${basename(path)}」不是清单通的数据库`);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('bad_file', `文件「${basename(path)}」不是有效的数据库备份：${(e as Error).message}`);
  } finally {
    db?.close();
  }
}

/** Backups: consistent copies through SQLite's online backup API, rotated, and restore. */
export function createBackupService(ctx: CoreContext) {
  const dir = () => (mkdirSync(ctx.paths.backupDir, { recursive: true }), ctx.paths.backupDir);

  function list(): BackupEntry[] {
    return readdirSync(dir())
      .filter((f) => PATTERN.test(f))
      .map((f) => entryOf(join(dir(), f)))
      .sort((a, b) => b.fileName.localeCompare(a.fileName));
  }

  async function create(kind: BackupEntry['kind'], target?: string): Promise<BackupEntry> {
    const path = target ?? freePath(dir(), kind, ctx.now());
    mkdirSync(dirname(path), { recursive: true });
    await ctx.db.backup(path);
    if (kind === 'auto') rotate();
    return entryOf(path);
  }

  function rotate(): void {
    const keep = createSettingsRepository(ctx.db).settings().backupKeep;
    list().filter((b) => b.kind === 'auto').slice(keep).forEach((b) => rmSync(b.path, { force: true }));
  }

  /** Makes today's automatic backup unless one exists (called at start and by a daily timer). */
  async function autoBackupIfDue(): Promise<BackupEntry | null> {
    const today = localDate(ctx.now()).replace(/-/g, '');
    if (list().some((b) => b.kind === 'auto' && b.fileName.includes(`-auto-${today}-`))) return null;
    return create('auto');
  }

  async function restore(path: string) {
    checkBackupFile(path);
    const safety = await create('before-restore');
    ctx.close();
    for (const ext of ['-wal', '-shm']) rmSync(ctx.paths.dbPath + ext, { force: true });
    copyFileSync(path, ctx.paths.dbPath);
    ctx.reopen();
    return { restoredFrom: path, safetyBackup: safety };
  }

  return { list, create, autoBackupIfDue, restore };
}
