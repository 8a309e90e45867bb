import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Channel, Input, Output } from '../../../shared/contract/channels';
import { AppError } from '../../../shared/contract/errors';
import type { CoreContext } from '../../core/context';
import { createDispatch } from '../../core/dispatch';
import { createHandlers } from '../../core';
import { createPeriodsRepository } from '../../core/repositories/periods-repository';
import { UsageError } from '../command';
import { openDb } from './import-support';

/** A core over the --db file, called through the same validated dispatch as the UI. */
export interface CliCore {
  ctx: CoreContext;
  call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>>;
  close(): void;
}

export function openCore(dbPath: string | undefined): CliCore {
  const ctx = openDb(dbPath);
  const dispatch = createDispatch(createHandlers(ctx));
  return {
    ctx,
    async call(channel, input) {
      const r = await dispatch(channel, input);
      if (!r.ok) throw new AppError(r.error.code, r.error.message);
      return r.value as never;
    },
    close: () => ctx.close(),
  };
}

/** Runs `fn` with a core and always closes it. */
export async function withCore<T>(dbPath: string | undefined, fn: (core: CliCore) => Promise<T>): Promise<T> {
  const core = openCore(dbPath);
  try {
    return await fn(core);
  } finally {
    core.close();
  }
}

/** The period named (2025年第5期) or numbered (#3 or 3) on the command line. */
export function periodId(ctx: CoreContext, value: string | undefined): number {
  if (!value) throw new UsageError('缺少 --period <期次名称>');
  const repo = createPeriodsRepository(ctx.db);
  const byName = repo.byName(value);
  if (byName) return byName.id;
  const n = /^#?(\d+)$/.exec(value.trim());
  if (n && repo.list().some((p) => p.id === Number(n[1]))) return Number(n[1]);
  const known = repo.list().map((p) => p.name).join('、');
  throw new AppError('not_found', `没有名为「${value}」的期次${known ? `（已有：${known}）` : '（请先用 period-open 开启期次）'}`);
}

/** Writes bytes to a file, creating its folder. */
export function writeOut(path: string, bytes: Uint8Array): string {
  const full = resolve(path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, bytes);
  return full;
}

/** `--out` is required for commands that write a file. */
export function requireOut(out: string | undefined, what: string): string {
  if (!out) throw new UsageError(`缺少 --out <${what}>`);
  return out;
}
