import { cpSync, existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { startServer, tempDb } from './server';
import { rpc } from './page-models/rpc';

/**
 * The living demo, built ONCE per e2e run (vitest's globalSetup: this module's default export): the
 * dev server started on an empty temp database, then the call 载入示例数据 makes (demo:load with
 * cycle), then the server stopped (the core closes the file: its WAL folded back). Each spec that
 * starts on the demo copies the result into its own temp folder (copyDemo) instead of clicking the
 * button and waiting 10–16 s; the specs about the button itself (smoke, dashboard, user-guide) still
 * click it. QD_E2E_DEMO_DB names the file for the spec processes, as QD_OFFICE_DIR names the office.
 */
export default async function setup(): Promise<() => void> {
  const dbPath = tempDb();
  const server = await startServer(dbPath);
  try {
    await rpc(server, 'demo:load', { cycle: true });
    const tasks = (await rpc(server, 'items:list', { kind: 'task', limit: 1 })).total;
    if (tasks !== 150) throw new Error(`the demo database holds ${tasks} tasks, not 150`);
  } finally {
    await server.stop();
  }
  process.env.QD_E2E_DEMO_DB = dbPath;
  return () => rmSync(dirname(dbPath), { recursive: true, force: true });
}

/** What the demo leaves beside the database: the unit's return waiting to be imported. */
const DEMO_FOLDERS = ['示例报送文件'];

/**
 * Puts a copy of the run's demo database at `dbPath` (a spec's own temp folder), with the files the
 * demo writes beside it; not its backups (the spec's server makes its own on start).
 */
export function copyDemo(dbPath: string): void {
  const demo = process.env.QD_E2E_DEMO_DB;
  if (!demo || !existsSync(demo)) throw new Error('no demo database: tests/e2e/demo-db.ts builds it in the e2e config’s globalSetup');
  for (const suffix of ['', '-wal']) if (existsSync(demo + suffix)) cpSync(demo + suffix, dbPath + suffix);
  for (const folder of DEMO_FOLDERS) {
    const from = join(dirname(demo), folder);
    if (existsSync(from)) cpSync(from, join(dirname(dbPath), folder), { recursive: true });
  }
}
