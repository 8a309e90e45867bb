import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCore } from '../../electron/core';
import { RESOURCES, makeCore } from './helpers';

describe('persistence, backups and restore', () => {
  it('keeps everything after closing and reopening the database file', async () => {
    const a = makeCore();
    await a.call('demo:load', {});
    await a.call('office:set', { name: '岳阳市专班办', level: '市', region: '岳阳市', parentName: '省专班办' });
    await a.call('items:update', { id: 3, fields: { status: 'in_progress', progress: 40 } });
    a.close();
    const b = makeCore({ dir: a.dir });
    expect((await b.call('app:info', {})).office.name).toBe('岳阳市专班办');
    expect(await b.call('items:get', { id: 3 })).toMatchObject({ status: 'in_progress', progress: 40 });
    expect((await b.call('items:list', { kind: 'task' })).total).toBe(150);
    b.close();
  });

  it('backs up at start, rotates automatic backups, and restores after a safety backup', async () => {
    const seed = makeCore();
    const dir = seed.dir;
    seed.close();
    let clock = new Date('2025-07-01T08:00:00');
    const paths = { dbPath: join(dir, 'qingdan.sqlite'), backupDir: join(dir, 'backups'), resourcesDir: RESOURCES };
    const core = await startCore(paths, { clock: () => clock });
    const call = async (c: string, input: unknown) => {
      const r = await core.dispatch(c, input);
      if (!r.ok) throw new Error(r.error.message);
      return r.value as never;
    };
    const started = (await call('backup:list', {})) as { kind: string }[];
    expect(started.filter((b) => b.kind === 'auto')).toHaveLength(1);

    await call('settings:set', { backupKeep: 2 });
    await call('demo:load', {});
    const manual = (await call('backup:create', { path: join(dir, 'chosen', '我的备份.sqlite') })) as { path: string; size: number };
    expect(existsSync(manual.path)).toBe(true);
    await call('items:delete', { ids: [1, 2, 3] });
    expect(((await call('items:list', { kind: 'task' })) as { total: number }).total).toBe(147);

    const { createBackupService } = await import('../../electron/core/services/backup-service');
    for (const day of ['02', '03', '04']) {
      clock = new Date(`2025-07-${day}T08:00:00`);
      await createBackupService(core.ctx).autoBackupIfDue();
    }
    const autos = ((await call('backup:list', {})) as { kind: string; fileName: string }[]).filter((b) => b.kind === 'auto');
    expect(autos.map((b) => b.fileName)).toEqual([expect.stringContaining('20250704'), expect.stringContaining('20250703')]);

    const restored = (await call('backup:restore', { path: manual.path })) as { safetyBackup: { kind: string; path: string } };
    expect(restored.safetyBackup.kind).toBe('before-restore');
    expect(((await call('items:list', { kind: 'task' })) as { total: number }).total).toBe(150);
    const bad = await core.dispatch('backup:restore', { path: join(dir, 'nope.sqlite') });
    expect(bad.ok ? '' : bad.error.message).toMatch(/不存在/);
    core.close();
  });
});
