import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { ENTRIES, ROOT } from './app-args';

/**
 * The CLI and the dev server bundled ONCE per test run (vitest's globalSetup: this module's default
 * export), so that every process a test starts loads one file instead of tsx transpiling the whole
 * core again (about 1.5 CPU s per start: the e2e specs start a server each, the CLI tests a dozen
 * commands; an import worker 1.65 -> 0.56 CPU s, and the integration tests start about a hundred). The bundle is what `npm run cli` and `npm run web` run, as esbuild (the transpiler tsx
 * uses) outputs it; the libraries stay in node_modules. QD_TEST_BUNDLE names the folder for the
 * test processes, as QD_OFFICE_DIR names the office. Without it (a test run by hand outside the
 * configs) `appArgs` (app-args.ts) answers the tsx command as before.
 */

/**
 * A module that finds files from its own place (`import.meta.url`: the repository root, resources,
 * renderer/dist) keeps its source's URL in the bundle. import-workers.ts is the exception: it looks
 * for the bundled worker beside the bundle, as in the built app.
 */
const sourceUrls: Plugin = {
  name: 'source-urls',
  setup(b) {
    b.onLoad({ filter: /[\\/](electron|shared)[\\/].*\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url') || /import-workers\.ts$/.test(args.path)) return undefined;
      return { contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
    });
  },
};

export default async function setup(): Promise<() => void> {
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, '.tmp', 'test-bundle-')); // .tmp is ignored by git; package.json makes .js ESM
  await build({
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, path]) => [name, join(ROOT, path)])),
    outdir: dir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    plugins: [sourceUrls],
    logLevel: 'warning',
  });
  process.env.QD_TEST_BUNDLE = dir;
  // the import workers of the core the tests load in-process start from the bundle too (workerScript())
  process.env.QD_IMPORT_WORKER = join(dir, 'import-worker.js');
  return () => rmSync(dir, { recursive: true, force: true });
}

