import { describe, expect, it } from 'vitest';
import { ROLE_LABELS, ROLES, type ItemRow, type Role } from '../../shared/contract/schemas/items';
import { screenshot, useApp } from './harness';
import { ItemsPageModel } from './page-models/items-page';
import { rpc } from './page-models/rpc';
import { UnitsPageModel } from './page-models/units-page';

const SOURCE = '省国资委';
const TARGET = '省财政厅';
const names = (row: ItemRow, role: Role) => row[role].split('、').filter(Boolean);

describe('the unit directory in Chromium', () => {
  const app = useApp({ demo: true });
  it('gives a unit an alias', async () => {
    const units = new UnitsPageModel(app.page);
    await units.open();
    await screenshot(app.page, 'units');
    await units.addAlias('省发展改革委', '省发改委');
    await expect.poll(async () => (await units.row('省发展改革委').textContent()) ?? '').toContain('省发改委');
  });

  it('merges two units and keeps every assignment: the merged unit’s tasks now show the target', async () => {
    const before = (await rpc(app.server, 'items:list', { kind: 'task', limit: 100000 })).rows;
    const assignments = ROLES.reduce((n, r) => n + before.filter((t) => names(t, r).includes(SOURCE)).length, 0);
    expect(assignments).toBeGreaterThan(0);
    const expected = Object.fromEntries(
      ROLES.map((r) => [r, before.filter((t) => names(t, r).includes(SOURCE) || names(t, r).includes(TARGET)).length]),
    ) as Record<Role, number>;

    const units = new UnitsPageModel(app.page);
    await units.open();
    const message = await units.merge(SOURCE, TARGET, () => screenshot(app.page, 'units-merge-confirm').then(() => undefined));
    expect(message).toContain(`已合并，移交 ${assignments} 项分工`);
    await expect.poll(() => units.row(SOURCE).count()).toBe(0);
    await expect.poll(async () => (await units.row(TARGET).textContent()) ?? '').toContain(SOURCE);
    await screenshot(app.page, 'units-merged');

    const tasks = new ItemsPageModel(app.page);
    await tasks.open();
    for (const role of ROLES) {
      await tasks.filterUnit(TARGET, ROLE_LABELS[role] as '牵头' | '负责' | '配合');
      await expect.poll(() => tasks.total()).toBe(expected[role]);
      const shown = await tasks.column(ROLE_LABELS[role]);
      for (const cell of shown) expect(cell.split('、')).toContain(TARGET);
      await tasks.clearFilters();
    }
    const moved = before.find((t) => names(t, 'coop').includes(SOURCE))!;
    await tasks.filterKeyword(moved.title);
    await expect.poll(async () => (await tasks.row(moved.title).first().textContent()) ?? '').toContain(TARGET);
    expect((await tasks.row(moved.title).first().textContent()) ?? '').not.toContain(SOURCE);
    await screenshot(app.page, 'tasks-after-merge');
  });
});
