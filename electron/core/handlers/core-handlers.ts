import type { coreChannels } from '../../../shared/contract/channels/core-channels';
import { ITEM_KINDS } from '../../../shared/contract/schemas/items';
import type { CoreContext } from '../context';
import type { HandlersFor } from '../dispatch';
import { createPlansRepository } from '../repositories/plans-repository';
import { createSettingsRepository } from '../repositories/settings-repository';
import { createBackupService } from '../services/backup-service';
import { loadDemoData } from '../services/demo-data';

function counts(ctx: CoreContext) {
  const rows = ctx.db.prepare('SELECT kind, count(*) AS n FROM items GROUP BY kind').all() as { kind: string; n: number }[];
  return Object.fromEntries(ITEM_KINDS.map((k) => [k, rows.find((r) => r.kind === k)?.n ?? 0])) as Record<(typeof ITEM_KINDS)[number], number>;
}

function currentPeriod(ctx: CoreContext) {
  const p = ctx.db.prepare('SELECT id, name, due_date FROM periods WHERE closed = 0 ORDER BY start_date DESC, id DESC LIMIT 1').get() as
    | { id: number; name: string; due_date: string }
    | undefined;
  return p ? { id: p.id, name: p.name, dueDate: p.due_date } : null;
}

/** Office, settings, plans, demo data and backups. */
export function createCoreHandlers(ctx: CoreContext) {
  const settings = () => createSettingsRepository(ctx.db);
  const backups = createBackupService(ctx);
  return {
    'app:info': () => ({
      office: settings().office(),
      settings: settings().settings(),
      dbPath: ctx.paths.dbPath,
      counts: counts(ctx),
      unitCount: (ctx.db.prepare('SELECT count(*) AS n FROM units').get() as { n: number }).n,
      currentPeriod: currentPeriod(ctx),
    }),
    'office:set': (office) => {
      settings().setOffice(office, ctx.now().toISOString());
      return settings().office();
    },
    'settings:set': (patch) => settings().setSettings(patch),
    'demo:load': (input) => loadDemoData(ctx, input),
    'plans:list': () => createPlansRepository(ctx.db).list(),
    'backup:list': () => backups.list(),
    'backup:create': (input) => backups.create('manual', input.path),
    'backup:restore': (input) => backups.restore(input.path),
  } satisfies HandlersFor<typeof coreChannels>;
}
