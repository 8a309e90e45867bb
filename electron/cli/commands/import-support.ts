import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createContext, type CoreContext } from '../../core/context';
import { UsageError } from '../command';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Parses `args` with node:util, turning its English errors into a UsageError. */
export function parseCli<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(`参数有误：${(e as Error).message}`);
  }
}

/** Opens the database file given with --db (created and migrated if new). */
export function openDb(dbPath: string | undefined, required = true): CoreContext {
  if (!dbPath && required) throw new UsageError('缺少 --db <数据库文件>');
  const path = dbPath ? resolve(dbPath) : ':memory:';
  const dir = dbPath ? dirname(path) : ROOT;
  return createContext({ dbPath: path, backupDir: join(dir, 'backups'), resourcesDir: join(ROOT, 'resources') });
}

/**
 * Reads the files named on the command line: .txt files are pasted plan text (joined), every
 * other file is a workbook (.xlsx .xls .csv …) passed as bytes.
 */
export function readSources(paths: readonly string[]): { files: { name: string; bytes: Uint8Array<ArrayBuffer> }[]; text?: string } {
  if (paths.length === 0) throw new UsageError('请给出至少一个文件');
  const files: { name: string; bytes: Uint8Array<ArrayBuffer> }[] = [];
  const texts: string[] = [];
  for (const p of paths) {
    if (!existsSync(p) || !statSync(p).isFile()) throw new UsageError(`找不到文件：${p}`);
    if (/\.txt$/i.test(p)) texts.push(readFileSync(p, 'utf8'));
    else files.push({ name: basename(p), bytes: new Uint8Array(readFileSync(p)) });
  }
  return texts.length ? { files, text: texts.join('\n') } : { files };
}

/** `--unit 省发改委=省发展改革委`: unknown name → existing unit (by name or alias). */
export function unitDecisions(ctx: CoreContext, pairs: readonly string[]): Record<string, number> {
  const find = ctx.db.prepare<[string, string], { id: number }>(
    'SELECT id FROM units WHERE name = ? UNION SELECT unit_id AS id FROM unit_aliases WHERE alias = ? LIMIT 1',
  );
  const out: Record<string, number> = {};
  for (const pair of pairs) {
    const [from, to] = pair.split('=').map((s) => s.trim());
    if (!from || !to) throw new UsageError(`--unit 的格式应为 名称=已有单位：${pair}`);
    const hit = find.get(to, to);
    if (!hit) throw new UsageError(`--unit ${pair}：数据库中没有单位「${to}」`);
    out[from] = hit.id;
  }
  return out;
}

/** Prints a line to stderr (progress and notes), keeping stdout for results and JSON. */
export function note(line: string): void {
  process.stderr.write(`${line}\n`);
}
