import { defineConfig } from 'vitest/config';

/**
 * Unit and integration tests, as two projects run side by side on the machine's cores:
 * - unit: pure functions and small in-memory databases; they keep no state between files, so they
 *   share worker threads without re-importing the code per file (isolate: false). A unit test that
 *   mocks a module (vi.mock) or changes globals must undo it in afterAll, or live under integration.
 * - integration: real SQLite files, worker threads of the importer, LibreOffice; two processes (forks),
 *   each running its files one after another without re-importing the core per file (isolate: false):
 *   importing the core again for each of ~70 files cost ~120 of the run's ~600 CPU seconds. Every file opens
 *   its own databases and closes them; a file that changes process.env or globals puts them back itself.
 *   tests/calc/office.ts starts ONE soffice for the run (on first use) and stops it at the end;
 *   tests/bundle/bundle.ts bundles the CLI once for the run (the CLI tests start it a dozen times).
 */
export default defineConfig({
  test: {
    environment: 'node',
    // vitest's default is one worker fewer than the cores: ONE on a two-core machine, so the two
    // projects ran one file at a time while much of an integration file waits on LibreOffice, child
    // processes or the disk. Two files at a time keep both cores busy.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], pool: 'threads', isolate: false },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          pool: 'forks',
          isolate: false,
          globalSetup: ['tests/calc/office.ts', 'tests/bundle/bundle.ts'],
          // a safety net against a hang, not a speed check: on a shared two-core machine (load ~20) an
          // import that takes 12 s alone took over 60 s
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
