import { describe, expect, it } from 'vitest';
import type { ItemRow } from '../../shared/contract/schemas/items';
import { screenshot, useApp, type RunningServer } from './harness';
import { ItemsPageModel } from './page-models/items-page';
import { rpc } from './page-models/rpc';

const split = (names: string) => names.split('、').filter(Boolean);

async function allTasks(server: RunningServer): Promise<ItemRow[]> {
  return (await rpc(server, 'items:list', { kind: 'task', limit: 100000 })).rows;
}

describe('the task list in Chromium on a real SQLite file', () => {
  const app = useApp({ demo: true });
  let edited: { title: string; planTitle: string; lead: string };

  it('filters by a unit as lead and shows the right count, every row led by it', async () => {
    const tasks = new ItemsPageModel(app.page);
    await tasks.open();
    await expect.poll(() => tasks.total()).toBe((await allTasks(app.server)).length);
    await screenshot(app.page, 'tasks');
    const expected = (await allTasks(app.server)).filter((t) => split(t.lead).includes('省商务厅'));
    expect(expected.length).toBeGreaterThan(0);
    await tasks.filterUnit('省商务厅', '牵头');
    await expect.poll(() => tasks.total()).toBe(expected.length);
    const leads = await tasks.column('牵头');
    expect(leads.length).toBe(expected.length);
    for (const lead of leads) expect(split(lead)).toContain('省商务厅');
    await screenshot(app.page, 'tasks-filtered-unit');
    await tasks.clearFilters();
    await expect.poll(() => tasks.total()).toBe(150);
  });

  it('filters by a two-character keyword and shows matching rows only', async () => {
    const tasks = new ItemsPageModel(app.page);
    const expected = (await allTasks(app.server)).filter((t) => t.title.includes('消费') || t.content.includes('消费'));
    expect(expected.length).toBeGreaterThan(0);
    await tasks.filterKeyword('消费');
    await expect.poll(() => tasks.total()).toBe(expected.length);
    const titles = await tasks.column('标题');
    expect(titles.sort()).toEqual(expected.map((t) => t.title).sort());
    await screenshot(app.page, 'tasks-filtered');
    await tasks.clearFilters();
  });

  it('edits a task’s deadline and lead unit, and keeps them across a server restart', async () => {
    const tasks = new ItemsPageModel(app.page);
    // The demo gives every task a deadline: pick one whose deadline and lead both change.
    const target = (await allTasks(app.server)).find((t) => t.lead && !split(t.lead).includes('省商务厅') && t.deadlineText !== '2025年9月底前')!;
    const drawer = await tasks.openRow(target.title);
    await drawer.setDeadline('2025年9月底前');
    await drawer.setUnits('牵头', ['省商务厅']);
    await screenshot(app.page, 'task-drawer-editing');
    await drawer.save();
    await expect.poll(() => drawer.root.getByText('解析为 2025年9月30日').count()).toBe(1);
    await drawer.root.getByRole('tab', { name: '历史' }).click();
    // The demo's own deadline is in the history too; the newest entry is this edit.
    await drawer.root.getByRole('table', { name: '修改历史' }).getByRole('row').filter({ hasText: '修改 完成时限' }).filter({ hasText: '2025年9月底前' }).waitFor();
    await screenshot(app.page, 'task-history');
    await drawer.close();
    const row = tasks.row(target.title);
    await expect.poll(async () => (await row.textContent()) ?? '').toContain('2025年9月底前');
    edited = { title: target.title, planTitle: target.planTitle, lead: '省商务厅' };

    await app.restart();
    const again = new ItemsPageModel(app.page);
    await again.open();
    await again.filterKeyword(edited.title);
    const persisted = again.row(edited.title);
    await expect.poll(async () => (await persisted.textContent()) ?? '').toContain('2025年9月底前');
    const reopened = await again.openRow(edited.title);
    expect(await reopened.units('牵头')).toEqual(['省商务厅']);
    expect(await reopened.field('完成时限').inputValue()).toBe('2025年9月底前');
    await screenshot(app.page, 'task-after-restart');
  });

  it('refuses a malformed deadline with a Chinese message and changes nothing', async () => {
    const tasks = new ItemsPageModel(app.page);
    const drawer = tasks.drawer;
    await drawer.setDeadline('2025-13-45');
    await drawer.save();
    await expect.poll(async () => (await drawer.errorAlert().textContent()) ?? '').toContain('不是有效日期');
    await screenshot(app.page, 'task-deadline-error');
    await app.page.keyboard.press('Escape');
    await app.page.getByRole('button', { name: '放弃修改并关闭' }).click();
    await drawer.root.waitFor({ state: 'hidden' });
    const stored = (await allTasks(app.server)).find((t) => t.title === edited.title)!;
    expect(stored.deadlineText).toBe('2025年9月底前');
    await expect.poll(async () => (await tasks.row(edited.title).textContent()) ?? '').toContain('2025年9月底前');
  });

  it('moves the active row with the arrow keys, opens it with Enter, and Ctrl+F goes to the keyword box', async () => {
    const tasks = new ItemsPageModel(app.page);
    await tasks.clearFilters();
    await expect.poll(() => tasks.total()).toBe(150);
    await tasks.grid.focus();
    await app.page.keyboard.press('ArrowDown');
    await app.page.keyboard.press('ArrowDown');
    // The active row is the grid's aria-activedescendant (aria-selected marks the rows ticked for a bulk edit).
    const active = async () => {
      const id = await tasks.grid.getAttribute('aria-activedescendant');
      return id ? ((await tasks.grid.locator(`[id="${id}"]`).textContent()) ?? '') : '';
    };
    const third = (await allTasks(app.server))[2];
    await expect.poll(active).toContain(third.title);
    await app.page.keyboard.press('Enter');
    await tasks.drawer.waitOpen();
    expect(await tasks.drawer.field('标题').inputValue()).toBe(third.title);
    // The drawer names the task by its 编号 as the list shows it (1 in its section reads 1-1); the field keeps the stored 1.
    const stored = (await rpc(app.server, 'items:get', { id: third.id })).code;
    expect(third.code).toMatch(/^\d+-\d+$/);
    expect(third.code).not.toBe(stored);
    expect(await app.page.locator('.mantine-Drawer-title').textContent()).toContain(`任务 ${third.code}：`);
    expect(await tasks.drawer.field('编号').inputValue()).toBe(stored);
    await tasks.drawer.root.getByText(`清单中显示为 ${third.code}`).waitFor();
    await tasks.drawer.close();
    await app.page.keyboard.press('Control+f');
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('关键词');
  });

  it('opens a filtered list from a link (#/tasks?overdue=1, #/tasks?light=bad) as the dashboard makes them', async () => {
    const tasks = new ItemsPageModel(app.page);
    const overdue = (await rpc(app.server, 'items:list', { kind: 'task', overdue: true })).total;
    await app.page.evaluate(() => (location.hash = '#/tasks?overdue=1'));
    await expect.poll(() => app.page.getByLabel('只看逾期').isChecked()).toBe(true);
    await expect.poll(() => tasks.total(), { timeout: 30_000 }).toBe(overdue);
    const red = (await rpc(app.server, 'lights:list', { kind: 'task', levels: ['bad'] })).total;
    await app.page.evaluate(() => (location.hash = '#/tasks?light=bad'));
    await expect.poll(() => tasks.total(), { timeout: 30_000 }).toBe(red);
    await screenshot(app.page, 'tasks-link-light-bad');
  });

  it('sorts by clicking a header and keeps the chosen columns after a reload', async () => {
    const tasks = new ItemsPageModel(app.page);
    await app.page.evaluate(() => (location.hash = '#/tasks'));
    await expect.poll(() => tasks.total(), { timeout: 30_000 }).toBe(150);
    const header = tasks.grid.getByRole('columnheader', { name: '标题' });
    await header.getByRole('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    const asc = (await rpc(app.server, 'items:list', { kind: 'task', sort: 'title', limit: 5 })).rows.map((r) => r.title);
    await expect.poll(async () => (await tasks.column('标题')).slice(0, 5)).toEqual(asc);
    await header.getByRole('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    const desc = (await rpc(app.server, 'items:list', { kind: 'task', sort: 'title', desc: true, limit: 5 })).rows.map((r) => r.title);
    await expect.poll(async () => (await tasks.column('标题')).slice(0, 5)).toEqual(desc);
    await screenshot(app.page, 'tasks-sorted');

    await app.page.getByRole('button', { name: '显示列' }).click();
    await app.page.getByRole('menuitem', { name: '章节', exact: true }).click();
    await app.page.keyboard.press('Escape');
    await expect.poll(() => tasks.grid.getByRole('columnheader', { name: '章节' }).count()).toBe(0);
    await app.page.reload();
    await tasks.grid.waitFor();
    await expect.poll(() => tasks.grid.getByRole('columnheader', { name: '方案' }).count()).toBe(1);
    expect(await tasks.grid.getByRole('columnheader', { name: '章节' }).count()).toBe(0);
  });
});
