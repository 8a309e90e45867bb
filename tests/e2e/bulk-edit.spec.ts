import { describe, expect, it } from 'vitest';
import { screenshot, useApp } from './harness';
import { ItemsPageModel } from './page-models/items-page';
import { rpc } from './page-models/rpc';

describe('bulk edits: select 30 rows with shift-click, set a lead unit, undo', () => {
  const app = useApp({ demo: true });

  it('sets the lead unit of 30 rows in one go, says how many, and the toast’s 撤销 brings every row back', async () => {
    const page = app.page;
    const tasks = new ItemsPageModel(page);
    await tasks.open();
    const before = (await rpc(app.server, 'items:list', { kind: 'task', limit: 30 })).rows;
    const unit = (await rpc(app.server, 'units:list', {})).find((u) => before.every((r) => r.lead !== u.name))!;

    await tasks.grid.getByRole('checkbox', { name: '选择第 1 行', exact: true }).click();
    await tasks.grid.getByRole('checkbox', { name: '选择第 30 行', exact: true }).click({ modifiers: ['Shift'] });
    const bar = page.getByRole('toolbar', { name: '批量修改' });
    await expect.poll(() => bar.getByText('已选 30 项').count()).toBe(1);
    // The grid renders only the rows in view: check the range's ends and the row after it.
    for (const [n, on] of [[20, true], [29, true], [30, true], [31, false]] as const) {
      expect(await tasks.grid.getByRole('checkbox', { name: `选择第 ${n} 行`, exact: true }).isChecked(), `第 ${n} 行`).toBe(on);
    }

    await bar.getByRole('button', { name: '批量修改' }).click();
    await page.getByRole('menuitem', { name: '设置牵头单位' }).click();
    const dialog = page.getByRole('dialog', { name: '设置牵头单位（30 项）' });
    await dialog.getByLabel('牵头单位', { exact: true }).fill(unit.name);
    await page.getByRole('option', { name: unit.name, exact: true }).click();
    await screenshot(page, 'bulk-edit-dialog');
    // The unit list stays open for more picks over the dialog's buttons: the keyboard applies.
    await dialog.getByRole('button', { name: '应用到 30 项' }).focus();
    await page.keyboard.press('Enter');

    const toast = page.getByText('已修改 30 项，可撤销');
    await toast.waitFor();
    // The pointer rests on the toast, as a user's reaching for 撤销: Mantine holds a hovered toast open.
    // Its 10 s auto-close otherwise ran out during the checks below on a busy machine (load 28).
    await toast.hover();
    // The grid renders the rows in view: from the top, the first rendered rows (all within the 30) show the unit.
    await tasks.grid.evaluate((el) => el.scrollTo({ top: 0 }));
    const shownLead = async () => (await tasks.column('牵头')).slice(0, 15);
    await expect.poll(shownLead).toEqual(Array(15).fill(unit.name));
    const after = (await rpc(app.server, 'items:list', { kind: 'task', limit: 30 })).rows;
    expect(after.map((r) => r.lead)).toEqual(before.map(() => unit.name));
    await screenshot(page, 'bulk-edit-done');

    await page.getByRole('button', { name: '撤销', exact: true }).click();
    await page.getByText('已撤销批量修改').waitFor();
    await expect.poll(async () => (await rpc(app.server, 'items:list', { kind: 'task', limit: 30 })).rows.map((r) => r.lead)).toEqual(before.map((r) => r.lead));
    await expect.poll(shownLead).toEqual(before.slice(0, 15).map((r) => r.lead));
  });

  it('“all N filtered rows” changes every row the filter finds, not only the loaded ones', async () => {
    const page = app.page;
    const tasks = new ItemsPageModel(page);
    await tasks.open();
    const total = (await rpc(app.server, 'items:list', { kind: 'task', limit: 1 })).total;
    await tasks.grid.evaluate((el) => el.scrollTo({ top: 0 }));
    await tasks.grid.getByRole('checkbox', { name: '选择第 1 行', exact: true }).click();
    const bar = page.getByRole('toolbar', { name: '批量修改' });
    await bar.getByRole('button', { name: `选择全部 ${total} 项（按当前筛选）` }).click();
    await bar.getByText(`已选 ${total} 项`).waitFor();
    await bar.getByRole('button', { name: '批量修改' }).click();
    await page.getByRole('menuitem', { name: '设置责任领导' }).click();
    const dialog = page.getByRole('dialog', { name: `设置责任领导（${total} 项）` });
    await dialog.getByRole('textbox', { name: '责任领导' }).fill('汪杨盛');
    await dialog.getByRole('button', { name: `应用到 ${total} 项` }).click();
    await page.getByText(`已修改 ${total} 项，可撤销`).waitFor();
    const rows = (await rpc(app.server, 'items:list', { kind: 'task', limit: 100000 })).rows;
    expect(rows.filter((r) => r.leader === '汪杨盛')).toHaveLength(total);
  });
});
