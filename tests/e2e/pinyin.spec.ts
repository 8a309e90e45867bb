import { describe, expect, it } from 'vitest';
import { screenshot, useApp } from './harness';
import { ItemsPageModel } from './page-models/items-page';
import { rpc } from './page-models/rpc';
import { UnitsPageModel } from './page-models/units-page';

describe('finding units by pinyin in Chromium', () => {
  const app = useApp({ demo: true });

  it('fgw in the unit picker offers 省发展改革委, and fgw in the keyword box lists its items', async () => {
    const units = await rpc(app.server, 'units:list', {});
    const fgw = units.find((u) => u.name === '省发展改革委')!;
    const own = await rpc(app.server, 'items:list', { kind: 'task', unitId: fgw.id, limit: 1 });
    expect(own.total).toBeGreaterThan(0);

    const tasks = new ItemsPageModel(app.page);
    await tasks.open();
    const picker = app.page.getByRole('combobox', { name: '单位', exact: true });
    await picker.click();
    await picker.fill('fgw');
    const option = app.page.getByRole('option', { name: '省发展改革委', exact: true });
    await option.waitFor();
    expect(await app.page.getByRole('option').allTextContents()).toEqual(['省发展改革委']);
    await screenshot(app.page, 'pinyin-unit-picker');
    await option.click();
    await expect.poll(() => tasks.total()).toBe(own.total);
    await tasks.clearFilters();

    await tasks.filterKeyword('fgw');
    await expect.poll(() => tasks.total()).toBe(own.total);
    await screenshot(app.page, 'pinyin-keyword');
  });

  it('the 单位 page sorts names by pinyin when the user sorts by name', async () => {
    const units = await rpc(app.server, 'units:list', {});
    const key = (name: string) => units.find((u) => u.name === name)!.pinyin.find((k) => /^[a-z0-9]+$/.test(k))!;
    const inPinyinOrder = [...units].sort((a, b) => key(a.name).localeCompare(key(b.name))).map((u) => u.name);
    expect(units.map((u) => u.name)).not.toEqual(inPinyinOrder);
    const page = new UnitsPageModel(app.page);
    await page.open();
    await app.page.getByRole('button', { name: /单位名称/ }).click();
    const names = async () => (await page.table.getByRole('rowheader').allTextContents()).map((t) => t.trim());
    await expect.poll(names).toEqual(inPinyinOrder);
    await screenshot(app.page, 'units-by-pinyin');
  });
});
