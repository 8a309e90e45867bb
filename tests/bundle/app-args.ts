import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The programs a test starts as a clerk would, by their source entry. */
export const ENTRIES = {
  cli: 'electron/cli/index.ts',
  server: 'electron/dev-server/start.ts',
  // next to the entries, where workerScript() looks for the built worker (import-workers.ts)
  'import-worker': 'electron/core/import/worker/import-worker.ts',
} as const;

/**
 * The node arguments that run the CLI (`npm run cli`) or the dev server (`npm run web`): the run's
 * bundle (bundle.ts, named by QD_TEST_BUNDLE), or the source under tsx when a test runs outside the
 * vitest configs.
 */
export function appArgs(app: 'cli' | 'server'): string[] {
  const dir = process.env.QD_TEST_BUNDLE;
  return dir ? [join(dir, `${app}.js`)] : ['--import', 'tsx', join(ROOT, ENTRIES[app])];
}
