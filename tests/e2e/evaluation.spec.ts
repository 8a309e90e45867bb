import { readFile } from 'node:fs/promises';
import * as XLSX from '@e965/xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot, useApp } from './harness';
import { pdfText, printToPdf, squash } from './pdf-tools';
import { rpc } from './page-models/rpc';

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The table as shown: unit, score and the cells the score is made of, in screen order. */
async function shownRows(page: import('playwright-core').Page) {
  return page.getByTestId('evaluation-table').locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => {
      const cells = [...tr.children].map((c) => c.textContent ?? '');
      const num = (s: string) => (s === '—' ? 0 : Number(s));
      return { unit: cells[1], rate: num(cells[6]), greenShare: num(cells[10]), overdue: num(cells[11]), approved: Number(cells[12].split('/')[1]), urged: num(cells[13]), score: Number(cells[14]) };
    }),
  );
}

describe('考评 in Chromium: three periods of the living demo, ranked, re-weighted, charted, exported and printed', () => {
  const app = useApp({ demo: true });
  let names: string[] = [];

  beforeAll(async () => {
    // the demo's open period is closed (its lights kept as a snapshot) and a third one opened, as an office does each round
    const periods = await rpc(app.server, 'periods:list', {});
    const open = periods.find((p) => !p.closed)!;
    await rpc(app.server, 'periods:close', { id: open.id });
    const start = addDays(open.endDate, 1);
    await rpc(app.server, 'periods:open', { name: '考评测试第三期', kind: '双周', start, end: addDays(start, 13), due: addDays(start, 14) });
    names = (await rpc(app.server, 'periods:list', {})).map((p) => p.name).reverse();
    await app.page.setViewportSize({ width: 1366, height: 768 });
  }, 60_000);

  it('shows the units ranked by score over the three periods chosen, and a weight change re-ranks them', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: '主导航' }).getByText('考评', { exact: true }).click();
    await page.getByTestId('evaluation-table').waitFor();
    for (const [label, name] of [['起始期次', names[0]], ['截止期次', names[2]]] as const) {
      await page.getByRole('combobox', { name: label }).click();
      await page.getByRole('option', { name: new RegExp(`^${name}`) }).click();
    }
    await page.getByText(`${names[2]} · 亮灯当前亮灯`).waitFor();
    await expect.poll(async () => (await page.getByText(/亮灯(快照|当前亮灯)$/).count())).toBe(3);
    const before = await shownRows(page);
    expect(before.length).toBeGreaterThan(5);
    expect(before.map((r) => r.score)).toEqual([...before.map((r) => r.score)].sort((a, b) => b - a));
    await screenshot(page, 'evaluation-table');
    // 1366 wide: every column in view, nothing to scroll sideways
    const box = (await page.getByTestId('evaluation-table').boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1366);
    expect(await page.getByRole('columnheader', { name: /^榜单/ }).evaluate((el) => el.getBoundingClientRect().right)).toBeLessThanOrEqual(1366);

    // only lights count: 按时报送率 0, 绿灯占比 100 — the order by hand from the cells shown
    await page.getByRole('button', { name: '权重设置' }).click();
    await page.getByRole('textbox', { name: '按时报送率（满分）' }).fill('0');
    await page.getByRole('textbox', { name: '绿灯占比（满分）' }).fill('100');
    await page.getByTestId('evaluation-formula').filter({ hasText: '+ 0 × 按时报送率 + 100 × 绿灯占比' }).waitFor();
    const hand = (r: (typeof before)[number]) => Math.min(100, Math.max(0, Math.round((30 + r.greenShare - 2 * r.overdue - r.approved - 2 * r.urged) * 10) / 10));
    const expected = [...before].sort((a, b) => hand(b) - hand(a) || b.rate - a.rate).map((r) => r.unit);
    await expect.poll(async () => (await shownRows(page)).map((r) => r.unit), { timeout: 15_000 }).toEqual(expected);
    expect(expected).not.toEqual(before.map((r) => r.unit));
    const after = await shownRows(page);
    expect(after.map((r) => r.score)).toEqual(after.map(hand));
    await screenshot(page, 'evaluation-weights');
    await page.getByRole('button', { name: '恢复默认' }).click();
    await expect.poll(async () => (await shownRows(page)).map((r) => r.unit)).toEqual(before.map((r) => r.unit));
    await page.getByRole('button', { name: '权重设置' }).click();

    // a click on 未报 sorts by it, most first
    await page.getByRole('button', { name: '未报', exact: true }).click();
    const byMissing = await page.getByTestId('evaluation-table').locator('tbody tr td:nth-child(6)').allTextContents();
    expect(byMissing.map(Number)).toEqual([...byMissing.map(Number)].sort((a, b) => b - a));
    await page.getByRole('button', { name: /^未报/ }).click();
    await page.getByRole('button', { name: /^得分/ }).click();
  });

  it('shows 红黄榜 and the progress and lights charts over the periods', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: '红黄榜' }).click();
    const core = await shownRowsFromCore();
    const commended = core.rows.filter((r) => r.list === 'commend').map((r) => r.unitName);
    expect(commended.length).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('红榜').locator('th').allTextContents()).toEqual(commended);
    await screenshot(page, 'evaluation-lists');
    await page.getByRole('tab', { name: '趋势图' }).click();
    const charts = page.getByTestId('evaluation-charts');
    await charts.locator('.recharts-line-curve').waitFor();
    await expect.poll(() => charts.locator('.recharts-bar-rectangle').count()).toBeGreaterThanOrEqual(6);
    expect(await charts.locator('.recharts-cartesian-axis-tick-value').allTextContents()).toEqual(expect.arrayContaining(names));
    // the new period has no reports yet: no progress point, and the page says so
    await charts.getByTestId('trend-silent').filter({ hasText: names[2] }).waitFor();
    await screenshot(page, 'evaluation-chart');
    const first = core.rows[0].unitName;
    await page.getByRole('combobox', { name: '看谁的趋势' }).click();
    await page.getByRole('option', { name: first, exact: true }).click();
    await charts.getByText(`亮灯（项）：${first}`).waitFor();
    await screenshot(page, 'evaluation-chart-unit');
  });

  async function shownRowsFromCore() {
    const ps = await rpc(app.server, 'periods:list', {});
    return rpc(app.server, 'evaluation:table', { fromPeriodId: ps[ps.length - 1].id, toPeriodId: ps[0].id });
  }

  it('exports the table and 红黄榜 to Excel and prints it with the unit names', async () => {
    const { page } = app;
    const core = await shownRowsFromCore();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    const wb = XLSX.read(await readFile((await download.path())!));
    expect(wb.SheetNames.slice(0, 2)).toEqual(['考评', '红黄榜']);
    const cells = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['考评'], { header: 1 }).flat().map(String);
    const units = core.rows.map((r) => r.unitName);
    expect(cells.filter((c) => units.includes(c))).toEqual(units);
    await page.getByRole('link', { name: '打印', exact: true }).click();
    const { pdf } = await printToPdf(page, 'evaluation');
    const text = squash(pdfText(pdf));
    for (const u of units) expect(text).toContain(u);
    expect(text).toContain('红黄榜');
  });
});
