import { describe, expect, it } from 'vitest';
import { office, type Office } from '../integration/three-offices/office';
import { screenshot, useApp, type RunningServer } from './harness';
import { ItemsPageModel } from './page-models/items-page';
import { rpc } from './page-models/rpc';

const PROVINCE_PLAN = '湖南省实施“七大攻坚”总体方案';
const CITY_PLAN = '岳阳市落实“七大攻坚”实施方案';

/** Puts an office's tasks into one plan and exports them with the plan column (the file it sends down). */
async function listInPlan(o: Office, title: string, origin?: 'local') {
  const planId = Number(o.core.ctx.db.prepare("INSERT INTO plans(title, created_at, updated_at) VALUES (?, '2025-07-01', '2025-07-01')").run(title).lastInsertRowid);
  for (const t of await o.tasks(origin ? { origin } : {})) await o.call('items:update', { id: t.id, fields: { planId } });
  const f = await o.call('export:list', { query: { kind: 'task', origin }, columns: ['planTitle', 'code', 'title', 'content', 'lead', 'resp', 'coop', 'deadlineText'] });
  return { name: f.fileName, bytes: f.bytes };
}

/** The county receives the province's list and the prefecture's (which the prefecture typed in its own words). */
async function seed(server: RunningServer): Promise<void> {
  await rpc(server, 'office:set', { name: '汨罗市七大攻坚工作专班办公室', level: '县', region: '汨罗市', parentName: '岳阳市七大攻坚工作专班办公室' });
  const province = await office('湖南省七大攻坚工作专班办公室', '省', '');
  const city = await office('岳阳市七大攻坚工作专班办公室', '市', '湖南省七大攻坚工作专班办公室');
  try {
    const hr = await province.unit('省人力资源社会保障厅');
    const dev = await province.unit('省发展改革委');
    await province.call('items:create', { kind: 'task', code: '1', title: '稳就业促增收', content: '全年新增城镇就业70万人以上。', units: [{ unitId: hr, role: 'lead' }] });
    await province.call('items:create', { kind: 'task', code: '2', title: '扩大有效投资', content: '完成重点项目投资200亿元以上。', units: [{ unitId: dev, role: 'lead' }] });
    const provinceList = await listInPlan(province, PROVINCE_PLAN);
    const cityHr = await city.unit('岳阳市人力资源和社会保障局');
    const cityDev = await city.unit('岳阳市发展和改革委员会');
    await city.call('items:create', { kind: 'task', code: '1', title: '稳就业促增收', content: '全市新增城镇就业8万人以上。', units: [{ unitId: cityHr, role: 'lead' }] });
    await city.call('items:create', { kind: 'task', code: '2', title: '扩大有效投资', content: '全市完成重点项目投资30亿元以上。', units: [{ unitId: cityDev, role: 'lead' }] });
    const cityList = await listInPlan(city, CITY_PLAN, 'local');
    for (const f of [provinceList, cityList]) await rpc(server, 'imports:apply', { files: [f], origin: 'upper', kind: 'task' });
  } finally {
    province.close();
    city.close();
  }
}

describe('two upper sources and the 分解 preview', () => {
  const app = useApp({ seed });

  it('links the prefecture items to the province items from suggestions with their scores, in one batch', async () => {
    const page = app.page;
    const tasks = new ItemsPageModel(page);
    await tasks.open();
    await expect.poll(() => tasks.total()).toBe(4);
    await page.getByRole('button', { name: '关联上级' }).click();
    const dialog = page.getByRole('dialog', { name: '关联两级上级清单' });
    await dialog.getByRole('combobox', { name: '市州清单' }).click();
    await page.getByRole('option', { name: new RegExp(`^${CITY_PLAN}`) }).click();
    await dialog.getByRole('combobox', { name: '省级清单' }).click();
    await page.getByRole('option', { name: new RegExp(`^${PROVINCE_PLAN}`) }).click();
    await dialog.getByRole('button', { name: '查找对应条目' }).click();
    const table = dialog.getByRole('table', { name: '关联建议' });
    const rows = table.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    for (const title of ['稳就业促增收', '扩大有效投资']) {
      const row = rows.filter({ hasText: `1 ${title}` }).or(rows.filter({ hasText: `2 ${title}` })).first();
      expect(await row.textContent()).toMatch(/文字相似 \d+%/);
    }
    await screenshot(page, 'upper-links-suggestions');
    await dialog.getByRole('button', { name: '确认关联 2 项' }).click();
    await page.getByText('已关联 2 项上级条目，可撤销').first().waitFor();

    const all = (await rpc(app.server, 'items:list', { kind: 'task', limit: 10 })).rows;
    const cityJobs = all.find((r) => r.title === '稳就业促增收' && r.planTitle === CITY_PLAN)!;
    const chain = await rpc(app.server, 'items:upper-chain', { id: cityJobs.id });
    expect(chain.steps.map((s) => s.lead)).toEqual(['省人力资源社会保障厅', '岳阳市人力资源和社会保障局']);
  });

  it('before 分解 lists the units without a 对口单位 and links to the table; the drawer then shows 省 → 市州 → 本级', async () => {
    const page = app.page;
    const tasks = new ItemsPageModel(page);
    await tasks.open();
    await page.getByRole('button', { name: '分解', exact: true }).click();
    const preview = page.getByTestId('breakdown-preview');
    const unmapped = preview.getByRole('list', { name: '没有对口单位的上级单位' });
    await unmapped.waitFor();
    const names = (await unmapped.getByRole('listitem').allTextContents()).map((t) => t.replace(/（\d+ 项）$/, ''));
    expect(names.sort()).toEqual(['岳阳市人力资源和社会保障局', '岳阳市发展和改革委员会', '省人力资源社会保障厅', '省发展改革委'].sort());
    await screenshot(page, 'breakdown-preview-unmapped');
    await preview.getByRole('link', { name: '去“单位”页设置对口单位 →' }).click();
    await page.getByRole('heading', { name: '对口单位', exact: true }).waitFor();
    expect(page.url()).toContain('#/units');

    await tasks.open();
    await tasks.filterKeyword('稳就业促增收');
    await expect.poll(() => tasks.total()).toBe(2);
    await page.getByRole('combobox', { name: '方案', exact: true }).click();
    await page.getByRole('option', { name: CITY_PLAN, exact: true }).click();
    await expect.poll(() => tasks.total()).toBe(1);
    await page.getByRole('button', { name: '分解', exact: true }).click();
    await page.getByRole('button', { name: '分解 1 项' }).click();
    await page.getByText(/已分解 1 项为本级条目/).first().waitFor();
    await page.getByRole('button', { name: '清除筛选' }).first().click();
    await page.getByRole('combobox', { name: '来源', exact: true }).click();
    await page.getByRole('option', { name: '本级新增', exact: true }).click();
    await expect.poll(() => tasks.total()).toBe(1);
    await tasks.openRow('稳就业促增收');
    const chain = page.getByTestId('upper-chain');
    await chain.waitFor();
    expect(await chain.textContent()).toContain('湖南省 → 岳阳市 → 本级');
    expect(await chain.getByText('稳就业促增收').count()).toBe(2);
    await screenshot(page, 'drawer-upper-chain');
  });
});
