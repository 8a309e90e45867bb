import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot, useApp } from './harness';
import { ItemsPageModel } from './page-models/items-page';
import { rpc } from './page-models/rpc';

describe('a list exported and printed exactly as shown', () => {
  const app = useApp({ demo: true });
  let expectedTitles: string[];

  beforeAll(async () => {
    const all = (await rpc(app.server, 'items:list', { kind: 'task', limit: 1000, sort: 'title', desc: true })).rows;
    expectedTitles = all.filter((t) => t.lead.split('、').includes('省商务厅')).map((t) => t.title);
  });

  it('导出Excel writes the filtered rows in the shown order to a styled workbook', async () => {
    const tasks = new ItemsPageModel(app.page);
    await tasks.open();
    await tasks.filterUnit('省商务厅', '牵头');
    await expect.poll(() => tasks.total()).toBe(expectedTitles.length);
    await app.page.getByRole('columnheader', { name: '标题' }).click();
    await app.page.getByRole('columnheader', { name: '标题' }).click();
    const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.getByRole('button', { name: '导出Excel' }).click()]);
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
    await app.page.keyboard.press('Control+p');
    await app.page.locator('[data-print-ready="true"]').waitFor({ timeout: 30_000 });
    const rows = Number(await app.page.locator('[data-print-ready="true"]').getAttribute('data-rows'));
    expect(rows).toBe(expectedTitles.length);
    const body = await app.page.locator('.qd-print').innerText();
    for (const t of expectedTitles) expect(body).toContain(t);
    expect(body).toContain('牵头');
    await screenshot(app.page, 'list-print-preview');
  });
});
