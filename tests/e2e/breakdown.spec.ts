import { describe, expect, it } from 'vitest';
import { screenshot, useApp } from './harness';
import { ItemsPageModel } from './page-models/items-page';
import { rpc } from './page-models/rpc';

describe('分解: upper items become linked local items', () => {
  const app = useApp({ demo: true });

  it('breaks down the filtered upper items once, each local copy linked and numbered from its upper code', async () => {
    const page = app.page;
    const tasks = new ItemsPageModel(page);
    await tasks.open();
    await tasks.filterUnit('省商务厅', '牵头');
    const upper = (await rpc(app.server, 'items:list', { kind: 'task', limit: 1000 })).rows.filter((r) => r.lead.split('、').includes('省商务厅'));
    await expect.poll(() => tasks.total()).toBe(upper.length);

    await page.getByRole('button', { name: '分解', exact: true }).click();
    await page.getByRole('button', { name: `分解 ${upper.length} 项` }).click();
    await expect.poll(() => tasks.total()).toBe(upper.length * 2);
    await page.getByRole('combobox', { name: '来源', exact: true }).click();
    await page.getByRole('option', { name: '本级新增', exact: true }).click();
    await expect.poll(() => tasks.total()).toBe(upper.length);
    await screenshot(page, 'breakdown-local-items');

    const local = (await rpc(app.server, 'items:list', { kind: 'task', origin: 'local', limit: 1000 })).rows;
    expect(local.map((r) => r.upperCode).sort()).toEqual(upper.map((r) => r.code).sort());
    for (const r of local) expect(r.code).toMatch(new RegExp(`^${r.upperCode}-\\d+$`));

    await tasks.openRow(local[0].title);
    await expect.poll(() => page.getByTestId('item-origin').innerText()).toContain(`分解自上级条目 ${local[0].upperCode}`);
    await page.keyboard.press('Escape');

    await page.getByRole('combobox', { name: '来源', exact: true }).click();
    await page.getByRole('option', { name: '上级下发', exact: true }).click();
    await page.getByRole('button', { name: '分解', exact: true }).click();
    await page.getByRole('button', { name: `分解 ${upper.length} 项` }).click();
    await expect.poll(() => page.getByText(`${upper.length} 项此前已分解，未重复`).count()).toBeGreaterThan(0);
    expect((await rpc(app.server, 'items:list', { kind: 'task', origin: 'local', limit: 1 })).total).toBe(upper.length);
  });
});
