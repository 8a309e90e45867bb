import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, screenshot, startServer, tempDb, type RunningServer } from './harness';
import { ItemsPageModel } from './page-models/items-page';
import { rpc } from './page-models/rpc';

describe('a list exported and printed exactly as shown', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let expectedTitles: string[];

  beforeAll(async () => {
    server = await startServer(tempDb());
    browser = await launchBrowser();
    page = await openApp(browser, server);
    await page.getByRole('button', { name: '载入示例数据' }).click();
    await page.getByTestId('count-task').filter({ hasText: /^150$/ }).waitFor({ timeout: 30_000 });
    const all = (await rpc(server, 'items:list', { kind: 'task', limit: 1000, sort: 'title', desc: true })).rows;
    expectedTitles = all.filter((t) => t.lead.split('、').includes('省商务厅')).map((t) => t.title);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('导出Excel writes the filtered rows in the shown order to a styled workbook', async () => {
    const tasks = new ItemsPageModel(page);
    await tasks.open();
    await tasks.filterUnit('省商务厅', '牵头');
    await expect.poll(() => tasks.total()).toBe(expectedTitles.length);
    await page.getByRole('columnheader', { name: '标题' }).click();
    await page.getByRole('columnheader', { name: '标题' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出Excel' }).click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const sheet = wb.worksheets.find((s) => s.state !== 'hidden' && s.name !== '_meta')!;
    const texts: string[] = [];
    sheet.eachRow((row) => row.eachCell((c) => texts.push(String(c.value ?? ''))));
    const found = expectedTitles.map((t) => texts.indexOf(t));
    expect(found.every((i) => i >= 0)).toBe(true);
    expect([...found].sort((a, b) => a - b)).toEqual(found);
    expect(texts.join('|')).toContain('任务清单');
    expect(wb.worksheets.some((s) => s.name === '_meta' && s.state !== 'visible')).toBe(true);
  });

  it('打印 (and Ctrl+P) opens the print preview of the same rows and columns', async () => {
    await page.keyboard.press('Control+p');
    await page.locator('[data-print-ready="true"]').waitFor({ timeout: 30_000 });
    const rows = Number(await page.locator('[data-print-ready="true"]').getAttribute('data-rows'));
    expect(rows).toBe(expectedTitles.length);
    const body = await page.locator('.qd-print').innerText();
    for (const t of expectedTitles) expect(body).toContain(t);
    expect(body).toContain('牵头');
    await screenshot(page, 'list-print-preview');
  });
});
