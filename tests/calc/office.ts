import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * One LibreOffice for a whole vitest run. vitest's globalSetup (this module's default export) names a
 * folder in QD_OFFICE_DIR; calc_client.py starts soffice there the first time a test needs it, every
 * later conversion or Calc session of the run reuses it (taking turns through a lock file), and the
 * teardown stops it; a run killed before its teardown takes the office with it (QD_OFFICE_OWNER). Without QD_OFFICE_DIR (a test run by hand outside vitest's config) each call
 * starts and stops its own soffice, as before.
 */
export default function setup(): () => void {
  const folder = join(tmpdir(), `qd-office-${randomUUID()}`);
  process.env.QD_OFFICE_DIR = folder;
  process.env.QD_OFFICE_OWNER = String(process.pid); // the office dies with this process (calc_client.py's watchdog)
  return () => {
    const pidFile = join(folder, 'pid');
    if (existsSync(pidFile)) {
      const pid = Number(readFileSync(pidFile, 'utf8').trim());
      try {
        if (pid > 0) process.kill(-pid, 'SIGKILL'); // soffice's own process group: oosplash and soffice.bin
      } catch {
        // already gone
      }
    }
    rmSync(folder, { recursive: true, force: true });
  };
}

const SCRIPT = resolve(__dirname, 'calc_client.py');

/**
 * Renders documents to PDF as `soffice --convert-to pdf` does (Writer for .docx, Calc for workbooks),
 * through the run's one office when there is one; answers when every PDF is written.
 */
export function convertToPdfSync(files: readonly { input: string; output: string }[]): void {
  const jobs = files.map((f) => ({ input: f.input, sheet: null, header_row: 4, ops: [], outputs: [{ path: f.output, format: 'pdf' }], password: null }));
  const out = execFileSync('/usr/bin/python3', [SCRIPT], { input: JSON.stringify(jobs), encoding: 'utf8', timeout: 300_000, maxBuffer: 16 * 1024 * 1024 });
  const answers = JSON.parse(out) as { input: string; error?: string }[];
  const failed = answers.filter((a) => a.error);
  if (failed.length) throw new Error(`LibreOffice could not render: ${failed.map((a) => `${a.input}: ${a.error}`).join('; ')}`);
}
