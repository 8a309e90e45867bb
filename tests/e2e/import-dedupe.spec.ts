import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, useApp } from './harness';
import { rpc } from './page-models/rpc';
import { provinceList } from '../integration/import/province-list';

const SAMPLE = fileURLToPath(new URL('../../../shared/samples/province-tasks-A.xlsx', import.meta.url));

/** The province's list with one task retitled and its content touched: a likely duplicate of the demo's. */
function nearCopyFile(): string {
  const bytes = provinceList((rows) => {
    const row = rows.find((r) => r[2] === '推动增收减负')!;
    row[2] = '推动居民增收减负';
    row[3] = String(row[3]).replace('大规模开展职业技能培训', '大规模开展职业技能提升培训');
  });
  const path = join(mkdtempSync(join(tmpdir(), 'qd-e2e-dup-')), '省七大攻坚任务清单.xlsx');
  writeFileSync(path, bytes);
  return path;
}

async function openImport(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '导入' }).click();
  await page.getByRole('heading', { name: '导入', exact: true }).waitFor();
}

const taskCount = async (app: ReturnType<typeof useApp>) => (await rpc(app.server, 'items:list', { kind: 'task', limit: 1 })).total;

describe('the demo loaded, the province workbook dropped: no duplicates', () => {
  const app = useApp({ demo: true });

  it('the province sample previews as 0 新增 (all 更新 or 不变), and applying keeps 150 tasks', async () => {
    await openImport(app.page);
    await app.page.getByTestId('import-input').setInputFiles(SAMPLE);
    const counts = app.page.getByTestId('import-counts');
    await expect.poll(() => counts.textContent(), { timeout: 60_000 }).toContain('新增 0 条');
    expect(await counts.textContent()).not.toContain('疑似重复');
    expect(await app.page.getByTestId('duplicates-panel').count()).toBe(0);
    const statuses = await app.page.getByTestId('preview-item').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
    expect(statuses.length).toBe(29);
    expect(statuses.filter((s) => s === 'new')).toEqual([]);
    await screenshot(app.page, 'import-dedupe-sample');
    await app.page.getByRole('button', { name: '应用导入' }).click();
    await expect.poll(() => app.page.getByTestId('import-preview').count(), { timeout: 60_000 }).toBe(0);
    expect(await taskCount(app)).toBe(150);
  });

  it('a near copy is shown as 疑似重复 with the item it resembles; 应用 waits for the choice; merging adds nothing', async () => {
    await app.page.getByTestId('import-input').setInputFiles(nearCopyFile());
    const counts = app.page.getByTestId('import-counts');
    await expect.poll(() => counts.textContent(), { timeout: 60_000 }).toContain('疑似重复 1 条');
    expect(await counts.textContent()).toContain('新增 0 条');
    const panel = app.page.getByTestId('duplicates-panel');
    await panel.waitFor();
    expect(await panel.textContent()).toContain('还有 1 条未选择');
    const apply = app.page.getByRole('button', { name: '应用导入' });
    expect(await apply.isDisabled()).toBe(true);
    const row = app.page.locator('[data-testid="preview-item"][data-status="duplicate"]');
    expect(await row.textContent()).toContain('推动居民增收减负');
    expect(await row.textContent()).toContain('像已有条目：1-1 「推动增收减负」');
    await row.scrollIntoViewIfNeeded();
    await screenshot(app.page, 'import-dedupe-near-copy');
    await row.getByText('合并到已有条目').click();
    await expect.poll(() => panel.textContent()).toContain('已选择：合并 1 条');
    expect(await apply.isDisabled()).toBe(false);
    await screenshot(app.page, 'import-dedupe-chosen');
    await apply.click();
    await expect.poll(() => app.page.getByTestId('import-preview').count(), { timeout: 60_000 }).toBe(0);
    expect(await taskCount(app)).toBe(150);
    const found = await rpc(app.server, 'items:list', { kind: 'task', keyword: '增收减负', limit: 10 });
    expect(found.rows.map((r) => r.title)).toEqual(['推动居民增收减负']);
  });
});
