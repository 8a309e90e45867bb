import { describe, expect, it } from 'vitest';
import { screenshot, useApp } from './harness';
import { rpc } from './page-models/rpc';

describe('概览 (dashboard) in Chromium', () => {
  const app = useApp();

  it('shows red, yellow and green lights, the open period and its changes after 载入示例数据; a count opens the filtered list', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '载入示例数据' }).click();
    await expect.poll(() => page.getByTestId('count-task').textContent(), { timeout: 120_000 }).toBe('150');

    // The living demo: deadlines around today, a closed period and an open one with returns.
    const d = await rpc(app.server, 'dashboard:get', { kind: 'task' });
    expect(d.lights.bad).toBeGreaterThan(0);
    expect(d.lights.warn).toBeGreaterThan(0);
    expect(d.lights.good).toBeGreaterThan(0);
    expect(d.overdue.total).toBeGreaterThan(0);
    expect(d.dueSoon.total).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('bad-count').textContent(), { timeout: 30_000 }).toBe(String(d.lights.bad));
    expect(await page.getByTestId('overdue-count').textContent()).toBe(String(d.overdue.total));
    expect(await page.getByTestId('due-soon-count').textContent()).toBe(String(d.dueSoon.total));
    await expect.poll(() => page.getByTestId('chart-by-plan').locator('svg .recharts-bar-rectangle').count()).toBeGreaterThan(6);
    expect(await page.getByTestId('chart-by-unit').locator('svg .recharts-bar-rectangle').count()).toBeGreaterThan(5);
    expect(await page.getByTestId('light-donut').locator('svg .recharts-pie-sector').count()).toBe(4);
    expect(await page.getByTestId('light-done').textContent()).toBe('○绿 已完成');
    const overdueRows = page.getByTestId('overdue-table').locator('tbody tr');
    expect(await overdueRows.count()).toBe(Math.min(d.overdue.total, d.overdue.rows.length));
    expect(await overdueRows.first().textContent()).toContain(`逾期 ${d.overdue.rows[0].days} 天`);
    // 编号 as the task list shows it (a bare 1 in its section reads 1-1), not as stored.
    const listed = (await rpc(app.server, 'items:list', { kind: 'task', limit: 500 })).rows.find((r) => r.id === d.overdue.rows[0].id)!;
    expect(listed.code).toMatch(/^\d+-\d+/);
    expect(d.overdue.rows[0].code).toBe(listed.code);
    expect(await overdueRows.first().locator('td').nth(1).textContent()).toBe(listed.code);

    // The open period: due days ago, some units reported, compared with the closed one before it.
    const [open, closed] = await rpc(app.server, 'periods:list', {});
    const panel = page.getByTestId('period-panel');
    expect(await panel.textContent()).toContain(open.name);
    expect(await panel.textContent()).toContain(`${open.reportedUnits} / ${open.issuedUnits} 个单位已报送`);
    await expect.poll(() => page.getByTestId('changes').textContent()).toMatch(new RegExp(`^较上期（${closed.name}）：好转 \\d+ 项，变差 \\d+ 项`));
    await screenshot(page, 'dashboard-demo');
    await page.getByTestId('chart-by-plan').scrollIntoViewIfNeeded();
    await page.getByTestId('overdue-table').scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-demo-lower');

    await page.getByRole('link', { name: new RegExp(`逾期未完成 ${d.overdue.total}，查看清单`) }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/tasks?overdue=1');
    await page.getByRole('heading', { name: '任务清单' }).waitFor();
    await expect.poll(() => page.getByTestId('item-total').textContent(), { timeout: 30_000 }).toBe(`共 ${d.overdue.total} 条`);
    await screenshot(page, 'dashboard-overdue-list');

    // An overdue task is finished: the overview counts one fewer.
    await rpc(app.server, 'items:update', { id: d.overdue.rows[0].id, fields: { status: 'done', progress: 100 } });
    await page.getByRole('link', { name: '概览' }).click();
    await expect.poll(() => page.getByTestId('overdue-count').textContent(), { timeout: 30_000 }).toBe(String(d.overdue.total - 1));
  });
});
