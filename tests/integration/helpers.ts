import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Channel, Input, Output } from '../../shared/contract/channels';
import { createContext, type CoreContext } from '../../electron/core/context';
import { createDispatch, type Dispatch } from '../../electron/core/dispatch';
import { createHandlers } from '../../electron/core';

export const RESOURCES = resolve(__dirname, '../../resources');

/** A core over a fresh file database in a temp folder, with a fixed clock. */
export interface TestCore {
  ctx: CoreContext;
  dispatch: Dispatch;
  dir: string;
  /** Calls a channel and returns its value; throws with the Chinese message on failure. */
  call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>>;
  close(): void;
}

export function makeCore(opts: { dir?: string; now?: Date } = {}): TestCore {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'qd-int-'));
  const now = opts.now ?? new Date('2025-07-15T09:00:00+08:00');
  const ctx = createContext({ dbPath: join(dir, 'qingdan.sqlite'), backupDir: join(dir, 'backups'), resourcesDir: RESOURCES }, () => now);
  const dispatch = createDispatch(createHandlers(ctx));
  return {
    ctx,
    dispatch,
    dir,
    async call(channel, input) {
      const r = await dispatch(channel, input);
      if (!r.ok) throw new Error(r.error.message);
      return r.value as never;
    },
    close: () => ctx.close(),
  };
}

/** Every domain table's rows in key order (not rowid: a restored link row may get a new rowid), to prove "nothing changed". */
export function dumpTables(ctx: CoreContext, tables = ['units', 'unit_aliases', 'plans', 'plan_members', 'sections', 'items', 'item_units', 'item_targets', 'reports', 'office', 'settings']): Record<string, unknown[]> {
  return Object.fromEntries(
    tables.map((t) => {
      const n = (ctx.db.prepare(`SELECT count(*) AS n FROM pragma_table_info('${t}')`).get() as { n: number }).n;
      const order = Array.from({ length: n }, (_, i) => i + 1).join(', ');
      return [t, ctx.db.prepare(`SELECT * FROM ${t} ORDER BY ${order}`).all()];
    }),
  );
}
