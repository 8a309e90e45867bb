import { describe, expect, it } from 'vitest';
import { screenshot, useApp } from './harness';
import { rpc } from './page-models/rpc';

function isoDaysFromNow(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

describe('概览 (dashboard) in Chromium', () => {
  const app = useApp();

  it('shows charts and tables after the demo, and a count opens the filtered list', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '载入示例数据' }).click();
    await expect.poll(() => page.getByTestId('count-task').textContent(), { timeout: 30_000 }).toBe('150');

    // The office sets deadlines: three already passed, two within the due-soon window, one task done.
    const { rows } = await rpc(app.server, 'items:list', { kind: 'task', limit: 6 });
    const deadlines = [isoDaysFromNow(-40), isoDaysFromNow(-12), isoDaysFromNow(-3), isoDaysFromNow(5), isoDaysFromNow(10)];
    for (const [n, deadlineText] of deadlines.entries()) {
      await rpc(app.server, 'items:update', { id: rows[n].id, fields: { deadlineText, status: 'in_progress', progress: 10 } });
    }
    await rpc(app.server, 'items:update', { id: rows[5].id, fields: { status: 'done', progress: 100 } });
    await page.reload();

    await expect.poll(() => page.getByTestId('overdue-count').textContent(), { timeout: 30_000 }).toBe('3');
    expect(await page.getByTestId('due-soon-count').textContent()).toBe('2');
    expect(await page.getByTestId('bad-count').textContent()).toBe('3');
    await expect.poll(() => page.getByTestId('chart-by-plan').locator('svg .recharts-bar-rectangle').count()).toBeGreaterThan(6);
    expect(await page.getByTestId('chart-by-unit').locator('svg .recharts-bar-rectangle').count()).toBeGreaterThan(5);
    expect(await page.getByTestId('light-donut').locator('svg .recharts-pie-sector').count()).toBe(4);
    expect(await page.getByTestId('light-done').textContent()).toBe('○绿 已完成');
    const overdueRows = page.getByTestId('overdue-table').locator('tbody tr');
    expect(await overdueRows.count()).toBe(3);
    expect(await overdueRows.first().textContent()).toContain('逾期 40 天');
    expect(await page.getByTestId('period-panel').textContent()).toContain('还没有开启调度期次');
    await screenshot(page, 'dashboard-demo');
    await page.getByTestId('chart-by-plan').scrollIntoViewIfNeeded();
    await page.getByTestId('overdue-table').scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-demo-lower');

    await page.getByRole('link', { name: /逾期未完成 3，查看清单/ }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/tasks?overdue=1');
    await page.getByRole('heading', { name: '任务清单' }).waitFor();
    await expect.poll(() => page.getByTestId('item-total').textContent(), { timeout: 30_000 }).toBe('共 3 条');
    await screenshot(page, 'dashboard-overdue-list');

    // A period is recorded, the next one opens, an overdue item is finished: the panel shows it improved.
    const first = await rpc(app.server, 'periods:open', { name: '第1期', kind: '双周', start: isoDaysFromNow(-28), end: isoDaysFromNow(-15), due: isoDaysFromNow(-10) });
    await page.getByRole('link', { name: '概览' }).click();
    await page.getByRole('button', { name: '记录本期亮灯快照' }).click();
    await page.getByText(/已记录本期亮灯快照：150 项/).waitFor();
    await rpc(app.server, 'periods:close', { id: first.id });
    await rpc(app.server, 'periods:open', { name: '第2期', kind: '双周', start: isoDaysFromNow(-14), end: isoDaysFromNow(-1), due: isoDaysFromNow(5) });
    await rpc(app.server, 'items:update', { id: rows[0].id, fields: { status: 'done', progress: 100 } });
    await page.reload();
    await expect.poll(() => page.getByTestId('changes').textContent(), { timeout: 30_000 }).toMatch(/^较上期（第1期）：好转 1 项，变差 \d+ 项/);
    expect(await page.getByTestId('overdue-count').textContent()).toBe('2');
    await page.getByTestId('period-panel').scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-period-changes');
  });
});
