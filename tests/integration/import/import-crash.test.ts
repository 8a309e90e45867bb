import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateWorkbook } from '../../../bench/generate';
import { createContext } from '../../../electron/core/context';
import { loadDemoData } from '../../../electron/core/services/demo-data';
import { appArgs } from '../../bundle/app-args';
import { dumpTables, RESOURCES } from '../helpers';

const ROOT = resolve(__dirname, '../../..');
const TABLES = ['units', 'unit_aliases', 'plans', 'plan_members', 'sections', 'items', 'item_units', 'item_targets', 'reports', 'office', 'settings', 'import_batches', 'batch_rows', 'change_log', 'column_mappings'];
const WRITING = '正在写入数据库';

function open(dbPath: string) {
  return createContext({ dbPath, backupDir: join(resolve(dbPath, '..'), 'backups'), resourcesDir: RESOURCES });
}

/** Runs the CLI import and SIGKILLs it `delayMs` after start, or after it starts writing. Resolves with what it printed. */
type Moment = { afterStartMs?: number; afterWriteStartsMs?: number; walOverBytes?: number };

const walSize = (dbPath: string) => (existsSync(`${dbPath}-wal`) ? statSync(`${dbPath}-wal`).size : 0);

/**
 * Runs the CLI import and SIGKILLs it at `moment`: ms after start, ms after it starts writing, or
 * once the uncommitted transaction has put that many bytes into the WAL. Resolves with what it printed.
 */
function importAndKill(file: string, dbPath: string, moment: Moment): Promise<{ log: string; killedWhileWriting: boolean; exited: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [...appArgs('cli'), 'import', file, '--db', dbPath], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    let writing = false;
    let killedWhileWriting = false;
    const kill = () => {
      killedWhileWriting = writing;
      child.kill('SIGKILL');
    };
    const onData = (d: Buffer) => {
      log += d.toString();
      if (!writing && log.includes(WRITING)) {
        writing = true;
        if (moment.afterWriteStartsMs !== undefined) setTimeout(kill, moment.afterWriteStartsMs);
        if (moment.walOverBytes !== undefined) {
          const poll = setInterval(() => {
            if (walSize(dbPath) > moment.walOverBytes! || child.exitCode !== null) (clearInterval(poll), kill());
          }, 10);
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    if (moment.afterStartMs !== undefined) setTimeout(kill, moment.afterStartMs);
    child.once('exit', (code, signal) => done({ log, killedWhileWriting, exited: signal ?? String(code) }));
  });
}

describe('a CLI import killed with SIGKILL leaves the database exactly as before', () => {
  it('at several moments, during reading and during the write, the database is unchanged and opens cleanly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qd-crash-'));
    const file = join(dir, '五万行清单.xlsx');
    writeFileSync(file, generateWorkbook(50_000));
    const dbPath = join(dir, 'qingdan.sqlite');
    const setup = open(dbPath);
    await loadDemoData(setup);
    const before = dumpTables(setup, TABLES);
    setup.close();

    const moments: Moment[] = [
      { afterStartMs: 200 },
      { afterStartMs: 800 },
      { afterStartMs: 2000 },
      { afterWriteStartsMs: 0 },
      { afterWriteStartsMs: 400 },
      { walOverBytes: 4 * 1024 * 1024 },
    ];
    const results = [];
    for (const moment of moments) {
      const r = await importAndKill(file, dbPath, moment);
      expect(r.exited, r.log).toBe('SIGKILL');
      const ctx = open(dbPath);
      expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(dumpTables(ctx, TABLES)).toEqual(before);
      ctx.close();
      results.push(r.killedWhileWriting);
    }
    // The last three kills hit the one write transaction itself (the last one with megabytes of
    // its pages already in the WAL), not just the parse before it.
    expect(results.slice(3)).toEqual([true, true, true]);
  }, 600_000);
});
