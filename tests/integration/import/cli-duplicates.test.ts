import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCommand } from '../../../electron/cli/commands/import';
import { makeCore } from '../helpers';
import { provinceList } from './province-list';

/** The province list with 推动增收减负 retitled and its content touched: near the stored item, not the same. */
const nearCopy = () =>
  provinceList((rows) => {
    const row = rows.find((r) => r[2] === '推动增收减负')!;
    row[2] = '推动居民增收减负';
    row[3] = String(row[3]).replace('大规模开展职业技能培训', '大规模开展职业技能提升培训');
  });

/** A database holding the demo's lists and the near copy beside it; runs `import` on them. */
async function cliImport(...flags: string[]) {
  const core = makeCore();
  await core.call('demo:load', {});
  core.close();
  const file = join(core.dir, '省级清单.xlsx');
  writeFileSync(file, nearCopy());
  const out: string[] = [];
  const log = console.log;
  console.log = (line: string) => out.push(line);
  try {
    expect(await importCommand.run([file, '--db', join(core.dir, 'qingdan.sqlite'), ...flags])).toBe(0);
  } finally {
    console.log = log;
  }
  const after = makeCore({ dir: core.dir });
  const titles = after.ctx.db.prepare("SELECT title FROM items WHERE title LIKE '%增收减负' ORDER BY id").pluck().all();
  const n = after.ctx.db.prepare('SELECT count(*) FROM items').pluck().get();
  after.close();
  return { out: out.join('\n'), titles, n };
}

describe('npm run cli -- import with 疑似重复 rows', () => {
  it('skips them by default, naming file, sheet, row and the item each resembles', async () => {
    const r = await cliImport();
    expect(r.out).toMatch(/疑似重复，未导入：文件「省级清单\.xlsx」工作表「[^」]+」第 \d+ 行「推动居民增收减负」像已有条目 1-1「推动增收减负」（内需扩量提效攻坚实施方案 · （一）大力提振消费，相似 \d+%）/);
    expect(r.out).toContain('跳过疑似重复 1 行；要导入它们请加 --duplicates=merge');
    expect(r.titles).toEqual(['推动增收减负']);
    expect(r.n).toBe(150);
  }, 120_000);

  it('merges them with --duplicates=merge and adds them with --duplicates=new', async () => {
    const merged = await cliImport('--duplicates=merge');
    expect(merged.out).toContain('疑似重复，已合并到已有条目：');
    expect(merged.titles).toEqual(['推动居民增收减负']);
    expect(merged.n).toBe(150);
    const added = await cliImport('--duplicates=new');
    expect(added.titles).toEqual(['推动增收减负', '推动居民增收减负']);
    expect(added.n).toBe(151);
  }, 120_000);

  it('refuses an unknown --duplicates value in Chinese', async () => {
    await expect(importCommand.run(['x.xlsx', '--db', 'x.sqlite', '--duplicates=maybe'])).rejects.toThrow('--duplicates 应为 skip（跳过，默认）、merge（合并到已有条目）或 new（作为新增）：maybe');
  });
});
