import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appArgs } from '../bundle/app-args';

/**
 * The dev server as the e2e tests start it, apart from the harness (which needs vitest's hooks) so
 * that the run's globalSetup (demo-db.ts) can start one too.
 */

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A running `npm run web` equivalent on a real SQLite file. */
export interface RunningServer {
  url: string;
  token: string;
  port: number;
  dbPath: string;
  stop(): Promise<void>;
}

/** Starts the dev server (built renderer + core) on a free port over `dbPath`. */
export async function startServer(dbPath: string): Promise<RunningServer> {
  const token = randomBytes(16).toString('hex');
  const child: ChildProcess = spawn(process.execPath, appArgs('server'), {
    cwd: ROOT,
    env: { ...process.env, APP_DB_PATH: dbPath, APP_TOKEN: token, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const port = await new Promise<number>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`dev server did not start:\n${log}`)), 60_000);
    const on = (d: Buffer) => {
      log += d.toString();
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(log);
      if (m) (clearTimeout(timer), ok(Number(m[1])));
    };
    child.stdout!.on('data', on);
    child.stderr!.on('data', on);
    child.once('exit', (code) => fail(new Error(`dev server exited ${code}:\n${log}`)));
  });
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    token,
    port,
    dbPath,
    stop: () =>
      new Promise<void>((ok) => {
        if (child.exitCode !== null) return ok();
        child.once('exit', () => ok());
        child.kill('SIGTERM');
      }),
  };
}

/** A fresh temp folder with a database path in it. */
export function tempDb(name = 'qingdan.sqlite'): string {
  return join(mkdtempSync(join(tmpdir(), 'qd-e2e-')), name);
}
