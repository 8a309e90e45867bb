import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'vitest';

/** LibreOffice Calc as a unit's spreadsheet program: a thin wrapper over calc_client.py (UNO). */

export type CalcFormat = 'xlsx' | 'xls' | 'ods' | 'csv';

/** What a user does in Calc; rows are named by 名称, columns by their header label. */
export type CalcOp =
  | { op: 'type'; row: string; col: string; text: string }
  | { op: 'status'; row: string; pick: number }
  | { op: 'unprotect' }
  | { op: 'protect' }
  | { op: 'sort'; col: string; descending?: boolean }
  | { op: 'insert_row'; before: string; cells?: Record<string, string> }
  | { op: 'delete_row'; row: string }
  | { op: 'add_column'; after: string; header: string; cells?: Record<string, string> }
  | { op: 'unhide_col'; col: string }
  | { op: 'merge'; rows: [string, string]; col: string }
  | { op: 'remove_sheet'; name: string };

export interface CalcJob {
  /** Names the job's results. */
  name: string;
  bytes: Uint8Array;
  /** The file's extension as the unit received it (xlsx, xls, csv …). */
  ext?: string;
  sheet?: string;
  headerRow?: number;
  ops?: CalcOp[];
  formats: CalcFormat[];
  /** Saves with an open password, as 另存为 → 使用密码保存 (LibreOffice 7.4 encrypts the .xls save; its .xlsx export ignores it). */
  password?: string;
}

export interface CalcResult {
  /** Status picked from the dropdown, by row title. */
  picked: Record<string, string>;
  files: Partial<Record<CalcFormat, Uint8Array<ArrayBuffer>>>;
}

const SCRIPT = resolve(__dirname, 'calc_client.py');
const PYTHON = '/usr/bin/python3';

/** Whether soffice and Python's uno module are here; the reason when not. */
export function calcMissing(): string | null {
  try {
    execFileSync('sh', ['-c', 'command -v soffice'], { stdio: 'pipe' });
  } catch {
    return 'soffice (LibreOffice Calc) is not installed';
  }
  try {
    execFileSync(PYTHON, ['-c', 'import uno'], { stdio: 'pipe' });
  } catch {
    return `${PYTHON} cannot import uno (python3-uno is not installed)`;
  }
  return null;
}

/**
 * describe() for tests that need Calc. Without Calc they are skipped with a message, except in CI
 * (process.env.CI set), where missing Calc is a failure: scripts/setup-test-env.sh installs it.
 */
export function describeCalc(name: string, body: () => void): void {
  const missing = calcMissing();
  if (!missing) {
    describe(name, body);
    return;
  }
  if (process.env.CI) {
    describe(name, () => it('needs LibreOffice Calc with python3-uno (run scripts/setup-test-env.sh)', () => {
      throw new Error(missing);
    }));
    return;
  }
  console.warn(`[calc] skipped "${name}": ${missing}. Run scripts/setup-test-env.sh to install it.`);
  describe.skip(name, body);
}

/** Runs every job through ONE headless Calc (started and stopped by the script) and returns the saved files. */
export async function runCalc(jobs: readonly CalcJob[]): Promise<Record<string, CalcResult>> {
  const dir = join(tmpdir(), `qd-calc-${randomUUID()}`);
  mkdirSync(dir, { recursive: true });
  try {
    const spec = jobs.map((j, i) => {
      const input = join(dir, `in-${i}.${j.ext ?? 'xlsx'}`);
      writeFileSync(input, j.bytes);
      const outputs = j.formats.map((f) => ({ path: join(dir, `out-${i}.${f}`), format: f }));
      return { input, sheet: j.sheet ?? null, header_row: j.headerRow ?? 4, ops: j.ops ?? [], outputs, password: j.password ?? null };
    });
    const answers = (await runScript(JSON.stringify(spec))) as { error?: string; picked?: Record<string, string> }[];
    const out: Record<string, CalcResult> = {};
    jobs.forEach((j, i) => {
      const a = answers[i];
      if (a?.error) throw new Error(`Calc job "${j.name}" failed: ${a.error}`);
      const files = Object.fromEntries(spec[i].outputs.map((o) => [o.format, new Uint8Array(readFileSync(o.path))]));
      out[j.name] = { picked: a?.picked ?? {}, files };
    });
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function runScript(input: string, timeoutMs = 300_000): Promise<unknown> {
  return new Promise((done, fail) => {
    const child = spawn(PYTHON, [SCRIPT], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    // SIGTERM reaches the script's finally, which stops its soffice: no orphan office is left.
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', (e) => (clearTimeout(timer), fail(e)));
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0) return fail(new Error(`calc_client.py exited ${code}: ${stderr.slice(-2000)}`));
      try {
        done(JSON.parse(stdout) as unknown);
      } catch {
        fail(new Error(`calc_client.py answered no JSON: ${stdout.slice(0, 500)} ${stderr.slice(-1000)}`));
      }
    });
    child.stdin.end(input, 'utf8');
  });
}
