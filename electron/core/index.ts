import { createContext, type CoreContext, type CorePaths } from './context';
import { createDispatch, type Dispatch, type Handlers } from './dispatch';
import { createCoreHandlers } from './handlers/core-handlers';
import { createItemHandlers } from './handlers/item-handlers';
import { createPeriodHandlers } from './handlers/period-handlers';
import { createExchangeHandlers } from './handlers/exchange-handlers';
import { createLightsHandlers } from './handlers/lights-handlers';
import { createDashboardHandlers } from './handlers/dashboard-handlers';
import { createBreakdownHandlers } from './handlers/breakdown-handlers';
import { createDocumentHandlers } from './handlers/document-handlers';
import { createBulletinHandlers } from './handlers/bulletin-handlers';
import { createImportHandlers } from './handlers/import-handlers';
import { createBulkHandlers } from './handlers/bulk-handlers';
import { createCounterpartHandlers } from './handlers/counterpart-handlers';
import { createDocoutHandlers } from './handlers/docout-handlers';
import { createFollowupHandlers } from './handlers/followup-handlers';
import { createEvaluationHandlers } from './handlers/evaluation-handlers';
import { createBackupService } from './services/backup-service';
import { closeImportWorkers, prewarmImportWorkers } from './import/worker/import-workers';
import { keepLightsAhead } from './lights/lights-keeper';

/** Every channel's handler; `satisfies Handlers` makes a missing one a compile error. */
export function createHandlers(ctx: CoreContext): Handlers {
  return {
    ...createCoreHandlers(ctx),
    ...createItemHandlers(ctx),
    ...createPeriodHandlers(ctx),
    ...createExchangeHandlers(ctx),
    ...createLightsHandlers(ctx),
    ...createDashboardHandlers(ctx),
    ...createBreakdownHandlers(ctx),
    ...createDocumentHandlers(ctx),
    ...createBulletinHandlers(ctx),
    ...createImportHandlers(ctx),
    ...createBulkHandlers(ctx),
    ...createCounterpartHandlers(ctx),
    ...createDocoutHandlers(ctx),
    ...createFollowupHandlers(ctx),
    ...createEvaluationHandlers(ctx),
  } satisfies Handlers;
}

/** The core as main, the dev server and tests use it. */
export interface Core {
  readonly ctx: CoreContext;
  readonly dispatch: Dispatch;
  close(): void;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Opens the database, makes the start-up backup and (optionally) schedules the daily one and keeps
 * a spare parse worker ready.
 */
export async function startCore(paths: CorePaths, opts: { clock?: () => Date; dailyBackup?: boolean; warmParser?: boolean; lightsAhead?: boolean } = {}): Promise<Core> {
  const ctx = createContext(paths, opts.clock);
  const backups = createBackupService(ctx);
  await backups.create('auto');
  const timer = opts.dailyBackup ? setInterval(() => void backups.autoBackupIfDue().catch((e) => console.error('[backup]', e)), DAY_MS / 24) : null;
  timer?.unref();
  // A spare parse worker, modules loaded, so a dropped file starts parsing at once.
  if (opts.warmParser) prewarmImportWorkers();
  // a new day's lights judged in chunks on start and after midnight, not by the first read
  const stopLights = opts.lightsAhead ? keepLightsAhead(ctx) : null;
  return {
    ctx,
    dispatch: createDispatch(createHandlers(ctx)),
    close() {
      if (timer) clearInterval(timer);
      stopLights?.();
      if (opts.warmParser) closeImportWorkers();
      ctx.close();
    },
  };
}
