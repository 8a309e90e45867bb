import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, useApp } from './harness';
import { DispatchPageModel } from './page-models/dispatch-page';
import { ItemsPageModel } from './page-models/items-page';
import { rpc } from './page-models/rpc';
import { fillTemplate, readTemplate, type UnitSheet } from './page-models/unit-template';

interface Template {
  unit: string;
  fileName: string;
  bytes: Uint8Array;
  sheet: UnitSheet;
}

/** The period's reporting rate as the 概览 panel shows it: 12% and "1 / 8 个单位已报送". */
async function dashboardRate(page: Page): Promise<{ rate: string; line: string }> {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '概览' }).click();
  const panel = page.getByTestId('period-panel');
  await panel.getByTestId('reporting-rate').waitFor({ timeout: 30_000 });
  const line = /(\d+) \/ (\d+) 个单位已报送/.exec((await panel.textContent()) ?? '')?.[0] ?? '';
  return { rate: (await panel.getByTestId('reporting-rate').textContent()) ?? '', line };
}

describe('调度填报 in Chromium: open a period, issue templates, take returns back with a conflict', () => {
  // The seed's lists alone (载入示例数据 now brings two periods of its own): this story starts before any period.
  const app = useApp({ seed: async (server) => void (await rpc(server, 'demo:load', {})) });
  let dispatch: DispatchPageModel;
  let periodName = '';
  let templates: Template[] = [];
  let withValue: Template;
  let other: Template;
  let conflictTitle = '';
  let valueTitle = '';

  beforeAll(() => {
    dispatch = new DispatchPageModel(app.page);
  });

  it('opens a period from the form with the next number pre-filled; the header shows it', async () => {
    await dispatch.open();
    await app.page.getByText('还没有调度期次').waitFor();
    await screenshot(app.page, 'dispatch-01-empty');
    periodName = await dispatch.openPeriod(() => screenshot(app.page, 'dispatch-02-period-form').then(() => undefined));
    expect(periodName).toMatch(/^\d{4}年第1期$/);
    await expect.poll(() => app.page.getByTestId('current-period').textContent()).toBe(`当前期次：${periodName}`);
    const row = app.page.getByTestId('periods-table').getByRole('row').filter({ hasText: periodName });
    expect(await row.textContent()).toContain('● 进行中');
    expect(await row.textContent()).toContain('未下发模板');
    await dispatch.dismissToasts();
    await screenshot(app.page, 'dispatch-03-period-opened');
  });

  it('issues one template per unit as one .zip download, each holding the rows the selector showed, and lists every unit in 催报', async () => {
    const shown = await dispatch.issueSelection();
    expect(shown.units.size).toBeGreaterThan(5);
    expect(shown.total).toBe([...shown.units.values()].reduce((a, b) => a + b, 0));
    await screenshot(app.page, 'dispatch-04a-selection');
    const { zip, files } = await dispatch.issueTemplates();
    expect(zip.suggestedFilename()).toBe(`${periodName}_填报模板.zip`);
    expect(files).toBe(shown.units.size);
    await dispatch.dismissToasts();
    await screenshot(app.page, 'dispatch-04-issued');
    const path = join(mkdtempSync(join(tmpdir(), 'qd-templates-')), zip.suggestedFilename());
    await zip.saveAs(path);
    templates = [];
    for (const [fileName, bytes] of Object.entries(unzipSync(new Uint8Array(readFileSync(path))))) {
      const unit = new RegExp(`^${periodName}_(.+)_填报模板\\.xlsx$`).exec(fileName)?.[1];
      if (unit) templates.push({ unit, fileName, bytes, sheet: await readTemplate(bytes) });
    }
    expect(templates).toHaveLength(files);
    // what the selector said is what each file holds
    expect(new Map(templates.map((t) => [t.unit, t.sheet.itemRows]))).toEqual(shown.units);
    const listed = await dispatch.missingUnits();
    expect(listed.sort()).toEqual(templates.map((t) => t.unit).sort());
    await dispatch.dismissToasts();
    await screenshot(app.page, 'dispatch-05-missing-before');
    const before = await dashboardRate(app.page);
    expect(before).toEqual({ rate: '0%', line: `0 / ${templates.length} 个单位已报送` });
  });

  it('shows the conflict side by side after the office changes an item the unit also reports', async () => {
    const tasks = new Set((await rpc(app.server, 'items:list', { kind: 'task', limit: 100000 })).rows.map((r) => r.title));
    // A unit whose template asks for 完成值, and a task row of it whose target is counted in money (else any target).
    const target = (t: Template, x: string) => String(t.sheet.get(x, '目标') ?? '');
    const money = (t: Template, x: string) => tasks.has(x) && /[万亿]元/.test(target(t, x));
    const anyTarget = (t: Template, x: string) => tasks.has(x) && target(t, x) !== '';
    // a task only this unit leads (an item several units share takes their combined value, see returns-colead)
    const onlyHere = (x: string) => templates.filter((t) => t.sheet.titles.includes(x)).length === 1;
    const shares = (t: Template) => t.sheet.titles.some((x) => !onlyHere(x));
    const rowWith = (ok: (t: Template, x: string) => boolean) => templates.find((t) => t.sheet.has('完成值') && shares(t) && t.sheet.titles.some((x) => ok(t, x)));
    const ok = rowWith(money) ? money : anyTarget;
    withValue = rowWith(ok)!;
    expect(withValue).toBeTruthy();
    valueTitle = withValue.sheet.titles.find((x) => ok(withValue, x))!;
    conflictTitle = withValue.sheet.titles.find((x) => tasks.has(x) && x !== valueTitle && onlyHere(x)) ?? valueTitle;
    // A second unit that shares no item with the first, so the only conflict is the office's own change.
    other = templates.find((t) => t !== withValue && !t.sheet.titles.some((x) => withValue.sheet.titles.includes(x)))!;

    // The office moves the task's progress on in the app after issuing.
    const list = new ItemsPageModel(app.page);
    await list.open();
    await list.filterKeyword(conflictTitle);
    const drawer = await list.openRow(conflictTitle);
    await drawer.field('完成比例').fill('35');
    await drawer.save();
    const id = (await rpc(app.server, 'items:list', { kind: 'task', keyword: conflictTitle })).rows.find((r) => r.title === conflictTitle)!.id;
    await expect.poll(async () => (await rpc(app.server, 'items:get', { id })).progress).toBe(35);
    await drawer.close();

    // Two units fill their templates in Excel.
    const returnA = await fillTemplate(withValue.bytes, (s) => {
      for (const t of s.titles) {
        s.set(t, '状态', '推进中');
        s.set(t, '完成比例(%)', t === conflictTitle ? 60 : 50);
        s.set(t, '进展情况', `${withValue.unit}：本期已召开推进会，完成阶段任务。`);
      }
      s.set(valueTitle, '完成值', '约2000万');
    });
    const returnB = await fillTemplate(other.bytes, (s) => {
      for (const t of s.titles) {
        s.set(t, '状态', '推进中');
        s.set(t, '完成比例(%)', 30);
        s.set(t, '进展情况', `${other.unit}：按计划推进。`);
      }
    });

    await dispatch.open();
    const summary = await dispatch.dropReturns([
      { name: withValue.fileName, buffer: returnA },
      { name: other.fileName, buffer: returnB },
    ]);
    expect(await summary.textContent()).toContain('2 个文件，2 个可导入');
    const conflicts = dispatch.conflictRows();
    await expect.poll(() => conflicts.count()).toBe(1);
    const conflict = conflicts.first();
    const cells = await conflict.getByRole('cell').allTextContents();
    expect(cells.join('|')).toContain(conflictTitle);
    expect(cells).toEqual(expect.arrayContaining(['完成比例(%)', expect.stringMatching(/35/), expect.stringMatching(/60/)]));
    await dispatch.dismissToasts();
    await screenshot(app.page, 'dispatch-06-preview-conflict');

    const problems = await dispatch.openFile(withValue.fileName);
    const valueProblem = problems.getByRole('row').filter({ hasText: '约2000万' });
    expect(await valueProblem.count()).toBe(1);
    expect(await valueProblem.textContent()).toMatch(/按 (2000万元|20000000\S*) 读取/);
    await valueProblem.scrollIntoViewIfNeeded();
    await screenshot(app.page, 'dispatch-07-preview-problems');

    // an item this unit shares with another lead/responsible unit: its row says the rule the item's value follows
    const sharedTitle = withValue.sheet.titles.find((x) => !onlyHere(x))!;
    const sharedRow = app.page.getByRole('table', { name: '报送行' }).getByRole('row').filter({ hasText: sharedTitle });
    expect(await sharedRow.getByTestId('combine-rule').textContent()).toContain('完成比例取最低');
    await sharedRow.scrollIntoViewIfNeeded();
    await screenshot(app.page, 'dispatch-07b-preview-shared-rule');

    await conflict.getByRole('radio', { name: '采用报送' }).check();
    await conflict.scrollIntoViewIfNeeded();
    await screenshot(app.page, 'dispatch-08-conflict-resolved');
  });

  it('applies the returns: toast in numbers, the unit’s value taken, 催报 and the reporting rate move', async () => {
    await app.page.getByRole('button', { name: /^应用/ }).click();
    const toast = app.page.getByText(/已导入 \d+ 条，更新 \d+ 条，冲突 1 条/).first();
    await toast.waitFor({ timeout: 30_000 });
    expect(await toast.textContent()).toContain('采用报送 1');
    await app.page.getByTestId('returns-applied').waitFor();
    await screenshot(app.page, 'dispatch-09-applied');

    const id = (await rpc(app.server, 'items:list', { kind: 'task', keyword: conflictTitle })).rows.find((r) => r.title === conflictTitle)!.id;
    expect((await rpc(app.server, 'items:get', { id })).progress).toBe(60);

    const listed = await dispatch.missingUnits();
    expect(listed).not.toContain(withValue.unit);
    expect(listed).not.toContain(other.unit);
    expect(listed).toHaveLength(templates.length - 2);
    await dispatch.dismissToasts();
    await screenshot(app.page, 'dispatch-10-missing-after');

    const after = await dashboardRate(app.page);
    expect(after.line).toBe(`2 / ${templates.length} 个单位已报送`);
    expect(after.rate).toBe(`${Math.round((2 / templates.length) * 100)}%`);
    await app.page.getByTestId('period-panel').scrollIntoViewIfNeeded();
    await dispatch.dismissToasts();
    await screenshot(app.page, 'dispatch-11-dashboard-rate');
  });

  it('prints the 催报 list, then undoes the batch from the list of recent returns', async () => {
    await dispatch.open();
    await dispatch.tab('催报');
    await app.page.getByRole('link', { name: '打印催报单' }).click();
    const sheet = app.page.getByTestId('print-sheet');
    await sheet.locator('[data-print-ready="true"]').waitFor();
    expect(await sheet.getByRole('heading').textContent()).toBe(`${periodName}催报单`);
    expect(await sheet.locator('tbody tr').count()).toBe(templates.length - 2);
    await screenshot(app.page, 'dispatch-12-missing-print');
    await app.page.getByRole('button', { name: '返回' }).click();
    await app.page.getByRole('heading', { name: '调度填报' }).waitFor();

    await dispatch.tab('收回报送');
    const batches = app.page.getByTestId('return-batches');
    await batches.waitFor();
    expect(await batches.textContent()).toContain(withValue.unit);
    await dispatch.dismissToasts();
    await screenshot(app.page, 'dispatch-13-batches');
    await batches.getByRole('button', { name: '撤销本批' }).first().click();
    await app.page.getByRole('dialog', { name: '撤销这批报送导入' }).getByRole('button', { name: '撤销本批' }).click();
    await app.page.getByText(/已撤销本批报送导入/).first().waitFor();
    await batches.getByText('已撤销').waitFor();
    const id = (await rpc(app.server, 'items:list', { kind: 'task', keyword: conflictTitle })).rows.find((r) => r.title === conflictTitle)!.id;
    expect((await rpc(app.server, 'items:get', { id })).progress).toBe(35);
    expect(await dispatch.missingUnits()).toHaveLength(templates.length);
  });

  it('exports the 汇总表 and the 催报单, then closes the period, keeping a light snapshot', async () => {
    await dispatch.tab('汇总与上报');
    const [summary] = await Promise.all([app.page.waitForEvent('download'), app.page.getByRole('button', { name: '导出汇总表' }).click()]);
    expect(summary.suggestedFilename()).toBe(`${periodName}_工作进展汇总表.xlsx`);
    await dispatch.dismissToasts();
    await screenshot(app.page, 'dispatch-14-summary');

    await dispatch.tab('催报');
    const [slip] = await Promise.all([app.page.waitForEvent('download'), app.page.getByRole('button', { name: '导出催报单' }).click()]);
    const path = join(mkdtempSync(join(tmpdir(), 'qd-slip-')), slip.suggestedFilename());
    await slip.saveAs(path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path) as unknown as ExcelJS.Buffer);
    const cells = wb.worksheets.flatMap((ws) => ws.getSheetValues().flatMap((row) => (Array.isArray(row) ? row : [])).map(String));
    expect(cells).toEqual(expect.arrayContaining([withValue.unit, other.unit]));

    await dispatch.tab('期次');
    await app.page.getByRole('button', { name: `结束 ${periodName}` }).click();
    const dialog = app.page.getByRole('dialog', { name: `结束期次「${periodName}」` });
    await dispatch.settled(dialog);
    await screenshot(app.page, 'dispatch-15-close-confirm');
    await dialog.getByRole('button', { name: '结束本期' }).click();
    await app.page.getByText(/已结束「.+」，保存亮灯快照 \d+ 项/).first().waitFor();
    await expect.poll(() => app.page.getByTestId('current-period').textContent()).toBe('未开启调度期次');
    const row = app.page.getByTestId('periods-table').getByRole('row').filter({ hasText: periodName });
    expect(await row.textContent()).toContain('■ 已结束');
    await dispatch.dismissToasts();
    await screenshot(app.page, 'dispatch-16-closed');
  });
});
