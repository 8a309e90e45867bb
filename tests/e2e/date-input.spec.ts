import { describe, expect, it } from 'vitest';
import { screenshot, useApp } from './harness';
import { DispatchPageModel } from './page-models/dispatch-page';
import { rpc } from './page-models/rpc';

describe('dates are typed and shown in Chinese, whatever the browser locale', () => {
  const app = useApp();

  it('takes 2025-06-30 typed, shows 2025年6月30日, picks from a Chinese calendar, and saves ISO dates', async () => {
    const page = app.page;
    const dispatch = new DispatchPageModel(page);
    await dispatch.open();
    await dispatch.tab('期次');
    await page.getByRole('button', { name: '开启新期次' }).click();
    const dialog = page.getByRole('dialog', { name: '开启新期次' });
    await dispatch.settled(dialog);
    await dialog.getByLabel('期次名称').fill('2025年第5期');

    const start = dialog.getByRole('textbox', { name: '开始日期' });
    await start.fill('2025-06-16');
    await start.press('Enter');
    await expect.poll(() => start.inputValue()).toBe('2025年6月16日');
    // A new start moves the end with it (双周: 14 days).
    await expect.poll(() => dialog.getByRole('textbox', { name: '结束日期' }).inputValue()).toBe('2025年6月29日');

    const due = dialog.getByRole('textbox', { name: '报送截止日期' });
    await due.fill('6/30/2025');
    await due.press('Enter');
    await dialog.getByText('请按 2025-06-30 或 2025年6月30日 填写日期').waitFor();
    await due.fill('2025-06-30');
    await due.press('Enter');
    await expect.poll(() => due.inputValue()).toBe('2025年6月30日');
    expect(await dialog.getByText('请按 2025-06-30 或 2025年6月30日 填写日期').count()).toBe(0);

    // The end date picked from the calendar: a Chinese month, Monday first.
    await dialog.getByRole('textbox', { name: '结束日期' }).locator('xpath=..').getByRole('button', { name: '选择日期' }).click();
    const calendar = page.getByRole('group', { name: '日历' });
    await calendar.getByText('2025年6月', { exact: true }).waitFor();
    await screenshot(page, 'date-input-calendar');
    await calendar.getByRole('button', { name: '2025年6月28日' }).click();
    await expect.poll(() => dialog.getByRole('textbox', { name: '结束日期' }).inputValue()).toBe('2025年6月28日');
    await calendar.waitFor({ state: 'hidden' });
    await screenshot(page, 'date-input-period');

    await dialog.getByRole('button', { name: '开启', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    const [period] = await rpc(app.server, 'periods:list', {});
    expect(period).toMatchObject({ name: '2025年第5期', startDate: '2025-06-16', endDate: '2025-06-28', dueDate: '2025-06-30' });
    // Shown in Chinese once saved: the period list and the page header.
    await page.getByRole('cell', { name: '2025年6月16日 至 2025年6月28日' }).waitFor();
    await page.getByRole('cell', { name: '2025年6月30日', exact: true }).waitFor();
    await page.getByText('2025年6月30日 截止', { exact: false }).first().waitFor();
    await screenshot(page, 'date-input-saved');
  });
});
