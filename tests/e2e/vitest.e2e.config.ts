import { defineConfig } from 'vitest/config';

/**
 * Browser tests: the built renderer served by the dev server, driven in Debian's Chromium, one spec
 * file at a time (each has its own server on port 0, database and browser). The harness turns motion
 * off in every page (tests/e2e/harness.ts). tests/calc/office.ts gives the run one LibreOffice for the
 * specs that render a document. tests/e2e/demo-db.ts builds the demo database once for the run; the
 * specs that start on the demo copy it (useApp({ demo: true })). tests/bundle/bundle.ts bundles the dev
 * server once for the run: each spec starts it from one file, not tsx over the whole core.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.spec.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
    // the spec files run one after another in ONE process, which loads playwright and the page models
    // once instead of per file; each spec still starts its own server, database and browser (useApp)
    isolate: false,
    // the bundle first: demo-db.ts starts a server from it
    globalSetup: ['tests/calc/office.ts', 'tests/bundle/bundle.ts', 'tests/e2e/demo-db.ts'],
  },
});
