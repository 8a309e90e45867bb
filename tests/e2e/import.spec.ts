import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, useApp } from './harness';
import { ItemsPageModel } from './page-models/items-page';
import { rpc } from './page-models/rpc';

const SAMPLE = fileURLToPath(new URL('../../../shared/samples/province-tasks-A.xlsx', import.meta.url));
const expected = JSON.parse(readFileSync(fileURLToPath(new URL('../../../shared/samples/province-tasks-A.expected.json', import.meta.url)), 'utf8')) as { title: string; plan: string }[];
const FIRST_SHEET = '内需扩量提效';
const firstSheetCount = expected.filter((e) => e.plan.startsWith(FIRST_SHEET)).length;

/** A 40,000-row CSV on disk, big enough that its parse (in the server's worker thread) takes a while. */
function bigCsv(): string {
  const lines = ['序号,重点任务,具体内容,牵头单位,配合单位,完成时限'];
  for (let i = 1; i <= 40_000; i++) lines.push(`${i},大批量任务${i},推进第${i}项工作。,省发展改革委,省财政厅,2025年6月底前`);
  const path = join(mkdtempSync(join(tmpdir(), 'qd-e2e-csv-')), '大批量清单.csv');
  writeFileSync(path, lines.join('\n'));
  return path;
}

async function openImport(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '导入' }).click();
  await page.getByRole('heading', { name: '导入', exact: true }).waitFor();
}

describe('importing a workbook in Chromium: preview, correct a mapping, apply, find, undo', () => {
  const app = useApp();

  it('previews the sample workbook per sheet, with its column mapping, plans, items and units', async () => {
    await openImport(app.page);
    await app.page.getByTestId('import-input').setInputFiles(SAMPLE);
    const counts = app.page.getByTestId('import-counts');
    await expect.poll(() => counts.textContent(), { timeout: 60_000 }).toContain(`新增 ${expected.length} 条`);
    const sheets = app.page.getByTestId('sheet-preview');
    await expect.poll(() => sheets.count()).toBe(2);
    await expect.poll(() => sheets.first().getByTestId('preview-item').count()).toBe(firstSheetCount);
    const first = sheets.first();
    expect(await first.getByLabel('D列「牵头单位」读作').inputValue()).toBe('lead');
    expect(await first.getByTestId('preview-item').first().textContent()).toContain(expected[0].title);
    expect(await first.getByTestId('preview-item').first().textContent()).toContain('2025年6月底前');
    await screenshot(app.page, 'import-preview');
    await app.page.getByRole('button', { name: '逐个处理…' }).click();
    const unknown = app.page.getByTestId('unknown-units');
    await unknown.waitFor();
    expect(await unknown.getByRole('row').count()).toBeGreaterThan(10);
    expect(await unknown.getByLabel('「省人力资源社会保障厅」的处理').inputValue()).toBe('新建单位「省人力资源社会保障厅」');
    await app.page.getByRole('button', { name: '收起' }).click();
    await first.scrollIntoViewIfNeeded();
    await screenshot(app.page, 'import-preview-items');
  });

  it('a corrected column mapping changes the preview at once', async () => {
    const first = app.page.getByTestId('sheet-preview').first();
    const row = first.getByTestId('preview-item').first();
    await first.getByLabel('F列「完成时限」读作').selectOption('ignore');
    await expect.poll(() => row.textContent(), { timeout: 60_000 }).not.toContain('2025年6月底前');
    expect(await first.getByText('已修改（应用后记住）').count()).toBe(1);
    // The second sheet has the same header layout: it follows the correction.
    const second = app.page.getByTestId('sheet-preview').nth(1);
    expect(await second.getByLabel('F列「完成时限」读作').inputValue()).toBe('ignore');
    expect(await second.getByText('沿用同样表头的列对应').count()).toBe(1);
    await screenshot(app.page, 'import-preview-mapping-corrected');
  });

  it('applies as one batch, and the items are found in 任务清单', async () => {
    await app.page.getByRole('button', { name: '应用导入' }).click();
    await app.page.getByText(`已导入 ${expected.length} 条，更新 0 条`).first().waitFor({ timeout: 60_000 });
    await app.page.getByTestId('batch-row').first().waitFor();
    expect(await app.page.getByTestId('batch-row').first().textContent()).toContain('province-tasks-A.xlsx');
    const stored = (await rpc(app.server, 'items:list', { kind: 'task', limit: 1000 })).rows;
    expect(stored.map((r) => r.title).sort()).toEqual(expected.map((e) => e.title).sort());
    expect(stored.find((r) => r.title === expected[0].title)?.deadlineText).toBe('');

    const tasks = new ItemsPageModel(app.page);
    await tasks.open();
    await tasks.filterKeyword(expected[0].title);
    await expect.poll(() => tasks.total()).toBe(1);
    expect(await tasks.column('标题')).toEqual([expected[0].title]);
    await screenshot(app.page, 'import-found-in-tasks');
  });

  it('undoing the batch (after confirming) removes the items again', async () => {
    await openImport(app.page);
    await app.page.getByRole('button', { name: /撤销批次 #\d+/ }).first().click();
    const dialog = app.page.getByRole('dialog');
    await dialog.getByRole('button', { name: '撤销' }).click();
    await app.page.getByText(/已撤销批次 #\d+/).first().waitFor();
    await expect.poll(() => app.page.getByTestId('batch-row').first().textContent()).toContain('已撤销');
    await dialog.waitFor({ state: 'hidden' });
    await screenshot(app.page, 'import-batches-undone');
    const tasks = new ItemsPageModel(app.page);
    await tasks.open();
    await tasks.filterKeyword(expected[0].title);
    await expect.poll(() => tasks.total()).toBe(0);
    expect((await rpc(app.server, 'items:list', { kind: 'task', limit: 10 })).total).toBe(0);
  });

  it('a big file shows progress while it is read, and the page keeps working', async () => {
    await openImport(app.page);
    await app.page.getByTestId('import-input').setInputFiles(bigCsv());
    const progress = app.page.getByTestId('import-progress');
    // Progress polls are answered while the server parses (in its worker thread); the line names the
    // file while it is read and once it is read, so a fast parse cannot slip between two polls.
    await expect.poll(() => progress.textContent().catch(() => ''), { timeout: 60_000 }).toContain('大批量清单.csv');
    await screenshot(app.page, 'import-progress');
    await app.page.getByLabel('粘贴方案正文').fill('页面仍可输入');
    expect(await app.page.getByLabel('粘贴方案正文').inputValue()).toBe('页面仍可输入');
    await expect.poll(() => app.page.getByTestId('import-counts').textContent().catch(() => ''), { timeout: 120_000 }).toContain('新增 40000 条');
    await app.page.getByRole('button', { name: '移除 大批量清单.csv' }).click();
  });

  it('a renamed PDF is refused with a message naming the file; apply stays disabled', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'qd-e2e-pdf-')), '上级清单.xlsx');
    writeFileSync(path, '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n');
    await app.page.getByTestId('import-input').setInputFiles(path);
    const error = app.page.getByTestId('file-error');
    await error.waitFor({ timeout: 60_000 });
    expect(await error.textContent()).toContain('文件「上级清单.xlsx」');
    expect(await app.page.getByRole('button', { name: '应用导入' }).isDisabled()).toBe(true);
    await screenshot(app.page, 'import-refused-pdf');
  });
});
