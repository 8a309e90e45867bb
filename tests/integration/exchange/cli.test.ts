import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { appArgs } from '../../bundle/app-args';
import { makeCore } from '../helpers';
import { fill, templateTitles } from './exchange-fixture';

const ROOT = resolve(__dirname, '../../..');

/** Runs `npm run cli -- …` the way a clerk would (the run's bundle of the CLI entry: tests/bundle). */
function cli(...args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [...appArgs('cli'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

describe('CLI: export, period-open, templates, returns, missing, summary on a demo database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qd-cli-'));
  const db = join(dir, 'office.sqlite');
  const tplDir = join(dir, 'templates');
  const period = '2025年第5期';

  beforeAll(async () => {
    const core = makeCore({ dir });
    await core.call('demo:load', {});
    core.close();
    const { rename } = await import('node:fs/promises');
    await rename(join(dir, 'qingdan.sqlite'), db);
  });

  it('runs the whole round from the command line, in Chinese, with exit codes', async () => {
    const exp = cli('export', 'tasks', '--db', db, '--out', join(dir, 'list.xlsx'), '--status', '未启动', '--keyword', '消费');
    expect(exp.code, exp.err).toBe(0);
    expect(exp.out).toMatch(/已导出 \d+ 条到 .*list\.xlsx/);
    expect(existsSync(join(dir, 'list.xlsx'))).toBe(true);

    const open = cli('period-open', '--db', db, '--name', period, '--kind', '双周', '--start', '2025-06-16', '--end', '2025-06-29', '--due', '2025-06-30');
    expect(open.code, open.err).toBe(0);
    expect(open.out).toContain(`已开启期次「${period}」`);
    const again = cli('period-open', '--db', db, '--name', period, '--kind', '双周', '--start', '2025-06-16', '--end', '2025-06-29', '--due', '2025-06-30');
    expect(again.code).toBe(1);
    expect(again.err).toContain('已存在');

    const tpl = cli('templates', '--period', period, '--db', db, '--out', tplDir, '--unit', '省商务厅', '--unit', '省科技厅');
    expect(tpl.code, tpl.err).toBe(0);
    expect(readdirSync(tplDir).sort()).toEqual([`${period}_省商务厅_填报模板.xlsx`, `${period}_省科技厅_填报模板.xlsx`]);

    const template = new Uint8Array(readFileSync(join(tplDir, `${period}_省商务厅_填报模板.xlsx`)));
    const [first] = await templateTitles(template);
    const filled = join(dir, '省商务厅-已填.xlsx');
    writeFileSync(filled, await fill(template, (e) => {
      e.set(first, '状态', '推进中');
      e.set(first, '完成比例(%)', '约30%');
    }));

    const preview = cli('returns', filled, '--db', db);
    expect(preview.code, preview.err).toBe(0);
    expect(preview.out).toContain('（省商务厅，2025年第5期）');
    expect(preview.out).toContain('文字「约30%」按 30 读取');
    expect(preview.out).toContain('仅预览');
    const applied = cli('returns', filled, '--db', db, '--apply');
    expect(applied.code, applied.err).toBe(0);
    expect(applied.out).toMatch(/已导入：批次 #\d+，新填报 \d+ 条/);
    expect(cli('returns', filled, '--db', db, '--apply').out).toContain('没有需要写入的变化');
    const wrong = cli('returns', join(dir, 'list.xlsx'), '--db', db);
    expect(wrong.code).toBe(1);
    expect(wrong.out).toContain('不是填报模板');

    const missing = cli('missing', '--period', period, '--db', db, '--today', '2025-07-03', '--out', join(dir, 'missing.xlsx'));
    expect(missing.code, missing.err).toBe(0);
    expect(missing.out).toMatch(/省科技厅\s+未报送（0\/\d+ 项）\s+逾期 3 天/);
    expect(missing.out).not.toMatch(/省商务厅\s+未报送/);
    expect(existsSync(join(dir, 'missing.xlsx'))).toBe(true);

    const summary = cli('summary', '--period', period, '--db', db, '--out', join(dir, 'summary.xlsx'));
    expect(summary.code, summary.err).toBe(0);
    expect(summary.out).toContain('汇总表已保存到');
    const nope = cli('summary', '--period', '2099年第1期', '--db', db, '--out', join(dir, 'x.xlsx'));
    expect(nope.code).toBe(1);
    expect(nope.err).toContain('没有名为「2099年第1期」的期次');
  }, 600_000); // a safety net against a hang: at load 16 the dozen commands took 221 s under tsx

  it('npm run cli itself (tsx on the source, not the run\'s bundle) answers the same', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'electron/cli/index.ts'), 'missing', '--period', period, '--db', db, '--today', '2025-07-03'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/省科技厅\s+未报送（0\/\d+ 项）\s+逾期 3 天/);
  }, 120_000);
});
