import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { OFFICE_SHEET, xlsxFromSheets } from '../fixtures/foreign/make-fixtures';
import { dialogSettled, loadDemo, OUTPUT_DIR, ROOT, useApp } from './harness';
import { DispatchPageModel } from './page-models/dispatch-page';
import { ItemsPageModel } from './page-models/items-page';
import { rpc } from './page-models/rpc';

/**
 * The screenshots of docs/用户手册.md: the real UI with the living demo loaded, one step of the work
 * after another. `npm run docs:screenshots` (DOCS_SCREENSHOTS=1) writes them into docs/images;
 * a plain e2e run writes them under test-output for a person to look at.
 */
const IMAGES = process.env.DOCS_SCREENSHOTS === '1' ? join(ROOT, 'docs', 'images') : join(OUTPUT_DIR, 'user-guide');

/**
 * Where an office's database lives on Windows: 设置 shows it in place of the test run's temporary
 * folder (only as drawn, by a style while the screenshot is taken).
 */
const SHOWN_DB_PATH = String.raw`数据库文件：C:\Users\办公室\AppData\Roaming\清单通\qingdan.sqlite`;
const DB_PATH_STYLE = `[data-testid="db-path"] { font-size: 0 !important; } [data-testid="db-path"]::after { content: "${SHOWN_DB_PATH.replaceAll("\\", "\\\\")}"; font-size: var(--mantine-font-size-xs); }`;

/** A screenshot for the guide, without the passing toasts (hidden by a style while it is taken). */
async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(IMAGES, { recursive: true });
  const style = await page.addStyleTag({ content: `.mantine-Notifications-root { visibility: hidden !important; } ${DB_PATH_STYLE}` });
  // 设置's footer reads as on an office's PC, not the test's temporary folder.
  const dbPath = page.getByTestId('db-path');
  if (await dbPath.count()) expect(await dbPath.evaluate((el) => getComputedStyle(el, '::after').content)).toContain('AppData');
  await page.screenshot({ path: join(IMAGES, `${name}.png`) });
  await style.evaluate((el) => (el as Element).remove());
}

async function nav(page: Page, label: string, heading = label): Promise<void> {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: label, exact: true }).click();
  await page.getByRole('heading', { name: heading, exact: true }).waitFor();
}

describe('用户手册 screenshots: every step of the work on the living demo', () => {
  const app = useApp();
  let dispatch: DispatchPageModel;

  beforeAll(async () => {
    dispatch = new DispatchPageModel(app.page);
    await loadDemo(app.page);
  });

  it('概览: lights of every colour and the open period', async () => {
    const { page } = app;
    await page.getByTestId('changes').filter({ hasText: /^较上期/ }).waitFor();
    const d = await rpc(app.server, 'dashboard:get', { kind: 'task' });
    expect(d.lights.bad * d.lights.warn * d.lights.good).toBeGreaterThan(0);
    await shot(page, '01-overview');
  });

  it('接收上级清单: the preview of an upper office’s list', async () => {
    const { page } = app;
    await nav(page, '导入');
    // A city office's own layout: title rows, numbered sections, units in one cell, deadlines as written.
    const buffer = Buffer.from(await xlsxFromSheets([OFFICE_SHEET]));
    await page.getByTestId('import-input').setInputFiles({ name: '2025年优化营商环境攻坚任务清单.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
    await page.getByTestId('sheet-preview').first().getByTestId('preview-item').first().waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-counts').textContent()).toMatch(/\d/);
    await shot(page, '02-import-preview');
  });

  it('分解: a task in the list, its detail drawer with deadline, units and light', async () => {
    const { page } = app;
    const tasks = new ItemsPageModel(page);
    await tasks.open();
    await expect.poll(() => tasks.total()).toBe(150);
    const [first] = (await rpc(app.server, 'items:list', { kind: 'task', overdue: true, limit: 1 })).rows;
    const drawer = await tasks.openRow(first.title);
    expect(await drawer.field('完成时限').inputValue()).toBe(first.deadlineText);
    await shot(page, '03-task-drawer');
    await page.keyboard.press('Escape');
    await tasks.filterUnit('省商务厅', '牵头');
    await page.getByRole('button', { name: '分解', exact: true }).click();
    const confirm = page.getByRole('button', { name: /^分解 \d+ 项$/ });
    await dialogSettled(page.getByRole('dialog', { name: '分解为本级条目' }));
    await shot(page, '04-breakdown');
    await confirm.click();
    await page.getByText(/已分解 \d+ 项/).first().waitFor();
  });

  it('下发 and 调度一轮: the periods, the templates sent, and a return with a conflict', async () => {
    const { page } = app;
    await dispatch.open();
    await page.getByTestId('periods-table').getByText('已结束').first().waitFor();
    await shot(page, '05-periods');
    await dispatch.tab('下发模板');
    await page.getByRole('button', { name: /^生成模板/ }).waitFor();
    await shot(page, '06-issue');
    const folder = join(dirname(app.server.dbPath), '示例报送文件');
    const [name] = readdirSync(folder);
    const reported = (await rpc(app.server, 'periods:list', {}))[0].reportedUnits;
    await dispatch.dropReturns([{ name, buffer: readFileSync(join(folder, name)) }]);
    await expect.poll(() => dispatch.conflictRows().count()).toBe(1);
    await dispatch.conflictRows().first().scrollIntoViewIfNeeded();
    await shot(page, '07-returns-conflict');
    await dispatch.conflictRows().first().getByRole('radio', { name: '采用报送' }).check();
    await page.getByRole('button', { name: /^应用/ }).click();
    await page.getByText(/已导入 \d+ 条/).first().waitFor({ timeout: 60_000 });
    await expect.poll(async () => (await rpc(app.server, 'periods:list', {}))[0].reportedUnits).toBe(reported + 1);
  });

  it('催报 and 汇总与上报', async () => {
    const { page } = app;
    const missing = await dispatch.missingUnits();
    expect(missing.length).toBeGreaterThan(0);
    await shot(page, '08-missing');
    await dispatch.tab('汇总与上报');
    await page.getByRole('heading', { name: '上报' }).waitFor();
    await shot(page, '09-summary-report-up');
  });

  it('打印 and 调度通报: the first period’s drafted bulletin, a list in print preview', async () => {
    const { page } = app;
    await nav(page, '导出与打印');
    await page.getByRole('tab', { name: '调度通报' }).click();
    const [, closed] = await rpc(app.server, 'periods:list', {});
    await page.getByRole('combobox', { name: '调度期次' }).click();
    await page.getByRole('option', { name: `${closed.name}（已有通报）` }).click();
    const body = page.getByRole('textbox', { name: '通报正文' });
    await expect.poll(() => body.inputValue()).toContain(`现将${closed.name}`);
    expect(await body.inputValue()).toContain('二、亮灯情况');
    await shot(page, '10-bulletin');
    await page.getByRole('tab', { name: '打印清单' }).click();
    await page.getByTestId('print-count').filter({ hasText: /将打印 \d+ 项/ }).waitFor();
    await page.getByRole('button', { name: '打印预览' }).click();
    await page.getByText('打印预览：任务清单').waitFor();
    await shot(page, '11-print-preview');
    await page.getByRole('button', { name: '返回' }).click();
  });

  it('来文批示: the seed’s handling slip with its instructions', async () => {
    const { page } = app;
    await nav(page, '来文批示');
    await page.getByTestId('document-row').first().click();
    await page.getByRole('heading', { name: '文件处理单' }).waitFor();
    await shot(page, '12-documents');
  });

  it('备份与恢复: a backup made now, listed with its restore button', async () => {
    const { page } = app;
    await nav(page, '设置');
    await page.getByRole('button', { name: '立即备份' }).click();
    const list = page.getByRole('table', { name: '备份列表' });
    // The backup just made (手动) is listed, next to the one made at start-up.
    await list.getByRole('row').filter({ hasText: '手动' }).waitFor({ timeout: 60_000 });
    await list.scrollIntoViewIfNeeded();
    await shot(page, '13-backup');
    await page.getByRole('button', { name: /^恢复 / }).first().click();
    const dialog = page.getByRole('dialog', { name: '从备份恢复' });
    await dialogSettled(dialog);
    await shot(page, '14-restore-confirm');
    await page.keyboard.press('Escape');
  });
});
