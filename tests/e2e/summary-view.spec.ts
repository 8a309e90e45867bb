import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { screenshot, useApp, type RunningServer } from './harness';
import { DispatchPageModel } from './page-models/dispatch-page';
import { rpc } from './page-models/rpc';
import { fillTemplate, readTemplate } from './page-models/unit-template';

const PERIOD = { name: '2025年第5期', kind: '双周' as const, start: '2025-06-16', end: '2025-06-29', due: '2025-06-30' };
const seeded = { reported: '', late: '', science: [] as string[] };

/** Demo data, a period, templates for two units, one unit's return, and one item overdue at the period's end. */
async function seed(server: RunningServer): Promise<void> {
  await rpc(server, 'demo:load', {});
  const period = await rpc(server, 'periods:open', PERIOD);
  const units = await rpc(server, 'units:list', {});
  const ids = ['省商务厅', '省科技厅'].map((n) => units.find((u) => u.name === n)!.id);
  const issued = await rpc(server, 'templates:issue', { periodId: period.id, unitIds: ids });
  const commerce = issued.files.find((f) => f.unitName === '省商务厅')!.bytes!;
  const sheet = await readTemplate(commerce);
  seeded.science = (await readTemplate(issued.files.find((f) => f.unitName === '省科技厅')!.bytes!)).titles;
  [seeded.reported, seeded.late] = sheet.titles;
  // Overdue before the return comes in: the light snapshot the return takes holds it red.
  const late = (await rpc(server, 'items:list', { kind: 'task', keyword: seeded.late })).rows.find((r) => r.title === seeded.late)!;
  await rpc(server, 'items:update', { id: late.id, fields: { deadlineText: '2025年6月20日' } });
  const filled = await fillTemplate(commerce, (s) => {
    s.set(seeded.reported, '状态', '推进中');
    s.set(seeded.reported, '完成比例(%)', 35);
    s.set(seeded.reported, '进展情况', '召开专题推进会两次');
  });
  await rpc(server, 'returns:apply', { files: [{ name: '省商务厅.xlsx', bytes: new Uint8Array(filled) }] });
}

describe('汇总表 in the app: lights, deadlines, filters, and an export with the same rows', () => {
  const app = useApp({ seed });

  it('shows every item with its light chip and 完成时限, filters by unit, and exports what it shows', async () => {
    const page = app.page;
    const dispatch = new DispatchPageModel(page);
    await dispatch.open();
    await dispatch.tab('汇总与上报');
    const table = page.getByRole('table', { name: '汇总表' });
    const rows = table.locator('tbody tr');
    await page.getByTestId('summary-count').filter({ hasText: '其中已填报 1 项' }).waitFor();

    const late = rows.filter({ hasText: seeded.late });
    await expect.poll(() => late.textContent()).toContain('2025年6月20日');
    expect(await late.getByText(/^[●▲◇○][红黄橙蓝绿]$/).textContent()).toBe('●红');
    const reported = rows.filter({ hasText: seeded.reported });
    expect(await reported.textContent()).toContain('召开专题推进会两次');
    expect(await reported.textContent()).toContain('省商务厅');
    const before = await rows.count();
    await screenshot(page, 'summary-view-all');

    await page.getByRole('combobox', { name: '单位', exact: true }).click();
    await page.getByRole('option', { name: '省科技厅', exact: true }).click();
    await expect.poll(() => rows.count()).toBeLessThan(before);
    const shown = await table.locator('tbody tr td:nth-child(3) p:first-child').allTextContents();
    for (const t of seeded.science) expect(shown).toContain(t);
    expect(shown).not.toContain(seeded.reported);
    await page.getByTestId('summary-count').filter({ hasText: `筛选出 ${shown.length} 项` }).waitFor();
    await screenshot(page, 'summary-view-unit');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出汇总表' }).click()]);
    const path = join(mkdtempSync(join(tmpdir(), 'qd-summary-')), download.suggestedFilename());
    await download.saveAs(path);
    const sheet = XLSX.utils.sheet_to_json<string[]>(XLSX.read(readFileSync(path)).Sheets['汇总表'], { header: 1, defval: '' });
    const head = sheet.findIndex((r) => r.includes('序号'));
    expect(sheet[head]).toEqual(expect.arrayContaining(['完成时限', '亮灯']));
    const titleCol = sheet[head].indexOf('名称');
    expect(sheet.slice(head + 2).filter((r) => /^\d+$/.test(String(r[0]))).map((r) => r[titleCol])).toEqual(shown);
  });
});
