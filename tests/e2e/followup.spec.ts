import { beforeAll, describe, expect, it } from 'vitest';
import { dialogSettled, screenshot, useApp } from './harness';
import { DispatchPageModel } from './page-models/dispatch-page';
import { ItemsPageModel } from './page-models/items-page';
import { pdfText, printToPdf, squash } from './pdf-tools';
import { rpc } from './page-models/rpc';
import { fillTemplate, readTemplate } from './page-models/unit-template';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('督办 in Chromium: 延期 from a returned template approved on 概览, 办结 with evidence, a 催办单 printed', () => {
  const app = useApp({ demo: true });
  let dispatch: DispatchPageModel;
  let list: ItemsPageModel;
  let titles: string[] = [];
  const rowOf = async (title: string) => (await rpc(app.server, 'items:list', { kind: 'task', keyword: title, limit: 50 })).rows.find((r) => r.title === title)!;
  const idOf = async (title: string) => (await rowOf(title)).id;

  beforeAll(() => {
    dispatch = new DispatchPageModel(app.page);
    list = new ItemsPageModel(app.page);
  });

  it('a 申请延期 in a returned template shows in the preview and is approved on 概览; the light uses the new deadline', async () => {
    // The living demo has an open period: the 调度填报 page previews returns against it, so the template is issued in it.
    const period = (await rpc(app.server, 'periods:list', {})).filter((p) => !p.closed).sort((a, b) => b.startDate.localeCompare(a.startDate))[0];
    const unitId = (await rpc(app.server, 'units:list', {})).find((u) => u.name === '省商务厅')!.id;
    const first = await rpc(app.server, 'templates:issue', { periodId: period.id, unitIds: [unitId] });
    titles = (await readTemplate(first.files[0].bytes!)).titles.filter((t, i, all) => all.indexOf(t) === i);
    const id = await idOf(titles[0]);
    await rpc(app.server, 'items:update', { id, fields: { deadlineText: '2027-06-30' } });
    const issued = await rpc(app.server, 'templates:issue', { periodId: period.id, unitIds: [unitId] });
    const returned = await fillTemplate(issued.files[0].bytes!, (s) => {
      s.set(titles[0], '进展情况', '已完成前期论证，设备招标中。');
      s.set(titles[0], '申请延期至', '2027-09-30');
      s.set(titles[0], '延期理由', '进口设备到货推迟三个月');
      s.set(titles[2], '申请办结（佐证材料/文号）', '已出台配套政策，湘商发〔2025〕8号');
    });

    await dispatch.open();
    await dispatch.dropReturns([{ name: '省商务厅_回收.xlsx', buffer: returned }]);
    await app.page.getByRole('button', { name: '报送文件 省商务厅_回收.xlsx' }).click();
    const asked = app.page.getByTestId('return-extensions');
    await asked.waitFor();
    expect(await asked.textContent()).toContain('2027-09-30');
    expect(await asked.textContent()).toContain('进口设备到货推迟三个月');
    // 编号 as the lists show it (1-1 in the demo's sections), not the stored 1.
    const [code0, code2] = [(await rowOf(titles[0])).code, (await rowOf(titles[2])).code];
    expect(code0).toMatch(/^\d+-\d+$/);
    expect(await asked.textContent()).toContain(`${code0} ${titles[0]}`);
    await asked.scrollIntoViewIfNeeded();
    await screenshot(app.page, 'followup-01-returns-extension');
    const closing = app.page.getByTestId('return-closures');
    expect(await closing.textContent()).toContain('湘商发〔2025〕8号');
    expect(await closing.textContent()).toContain(`${code2} ${titles[2]}`);
    await closing.scrollIntoViewIfNeeded();
    await screenshot(app.page, 'followup-01b-returns-closure');
    await app.page.getByRole('button', { name: /^应用/ }).click();
    await app.page.getByText(/申请延期 1 项待审批；申请办结 1 项待确认/).first().waitFor({ timeout: 30_000 });
    const asked2 = await rpc(app.server, 'followup:item', { itemId: await idOf(titles[2]) });
    expect([asked2.closure?.state, asked2.closure?.docNo]).toEqual(['pending', '湘商发〔2025〕8号']);

    await app.page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '概览' }).click();
    const card = app.page.getByTestId('extension-requests');
    const row = card.getByTestId('extension-row').filter({ hasText: titles[0] });
    await row.waitFor({ timeout: 30_000 });
    expect(await row.textContent()).toContain('省商务厅');
    expect(await row.textContent()).toContain(`${code0} ${titles[0]}`);
    await row.scrollIntoViewIfNeeded();
    await screenshot(app.page, 'followup-02-overview-pending');
    await row.getByRole('button', { name: '同意', exact: true }).click();
    const dialog = app.page.getByRole('dialog', { name: '同意延期' });
    await dialogSettled(dialog);
    await dialog.getByRole('button', { name: '确认同意' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await card.getByText('没有待审批的延期申请').waitFor();

    const item = await rpc(app.server, 'items:get', { id });
    expect(item.deadlineDate).toBe('2027-09-30');
    const light = (await rpc(app.server, 'lights:for-items', { ids: [id] })).lights[String(id)];
    expect(light.reason).toContain('已延期 1 次，原定 6月30日');

    await list.open();
    await list.filterKeyword(titles[0]);
    const drawer = await list.openRow(titles[0]);
    await drawer.root.getByRole('tab', { name: '督办' }).click();
    const section = drawer.root.getByTestId('extension-section');
    await section.getByText('已延期 1 次，原定 2027-06-30').waitFor();
    expect(await section.getByTestId('extension-line').first().textContent()).toContain('已同意');
    await screenshot(app.page, 'followup-03-drawer-extended');
    await drawer.close();
  });

  it('closes an item with an attached file: a wrong file is refused with a clear message, then 待办结确认 → 已办结, found by the 已办结 filter', async () => {
    const title = titles[1];
    await list.open();
    await list.filterKeyword(title);
    const drawer = await list.openRow(title);
    await drawer.root.getByRole('tab', { name: '督办' }).click();
    const section = drawer.root.getByTestId('closure-section');
    const input = section.locator('input[type="file"]');
    await input.setInputFiles({ name: '现场照片.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ\x90\x00') });
    await section.getByTestId('closure-error').filter({ hasText: '附件「现场照片.exe」的类型（.exe）不支持' }).waitFor();
    await section.getByRole('button', { name: '申请办结' }).click();
    await section.getByTestId('closure-error').filter({ hasText: '申请办结需要佐证材料' }).waitFor();
    await input.setInputFiles({ name: '验收报告.pdf', mimeType: 'application/pdf', buffer: PDF });
    await section.getByTestId('evidence-file').filter({ hasText: '验收报告.pdf' }).waitFor();
    await section.getByLabel('办结情况说明').fill('已通过竣工验收');
    await section.getByRole('button', { name: '申请办结' }).click();
    await section.getByTestId('closure-state').filter({ hasText: '待办结确认' }).waitFor();
    await screenshot(app.page, 'followup-04-closure-pending');
    await section.getByRole('button', { name: '确认办结' }).click();
    await section.getByTestId('closure-state').filter({ hasText: '已办结' }).waitFor();
    await screenshot(app.page, 'followup-05-closed');
    await drawer.close();
    expect((await rpc(app.server, 'items:get', { id: await idOf(title) })).status).toBe('done');

    await list.filterKeyword('');
    const filter = app.page.getByRole('combobox', { name: '办结', exact: true });
    await filter.click();
    await app.page.getByRole('option', { name: '已办结', exact: true }).click();
    await expect.poll(() => list.total()).toBe(1);
    expect(await list.column('标题')).toEqual([title]);
    await screenshot(app.page, 'followup-06-closed-filter');
    await list.clearFilters();
  });

  it('a pending 延期 of a project opens 项目清单 with that project from 概览, not 任务清单', async () => {
    const project = await rpc(app.server, 'items:create', { kind: 'project', title: '汨罗循环经济产业园扩建', deadlineText: '2027-06-30' });
    await rpc(app.server, 'extensions:request', { itemId: project.id, requestedDate: '2027-12-31', reason: '征地手续未完成' });
    await app.page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '概览' }).click();
    const row = app.page.getByTestId('extension-requests').getByTestId('extension-row').filter({ hasText: '汨罗循环经济产业园扩建' });
    await row.waitFor({ timeout: 30_000 });
    await row.getByRole('link', { name: /汨罗循环经济产业园扩建/ }).click();
    await app.page.waitForURL(/#\/projects\?/);
    const projects = new ItemsPageModel(app.page, '项目清单');
    await projects.row('汨罗循环经济产业园扩建').waitFor();
    await expect.poll(() => projects.total()).toBe(1);
    expect(await projects.column('标题')).toEqual(['汨罗循环经济产业园扩建']);
    await screenshot(app.page, 'followup-09-project-extension-link');
    await projects.clearFilters();
  });

  it('writes a 催办 for two chosen items and prints the 催办单 to PDF with the items on it; the drawer shows it', async () => {
    await list.open();
    await list.filterUnit('省商务厅', '牵头');
    await expect.poll(() => list.total()).toBeGreaterThan(1);
    const chosen = (await list.column('标题')).slice(0, 2);
    const codes = (await list.column('编号')).slice(0, 2);
    await list.grid.getByRole('checkbox', { name: '选择第 1 行', exact: true }).click();
    await list.grid.getByRole('checkbox', { name: '选择第 2 行', exact: true }).click();
    await app.page.getByRole('button', { name: '催办（2）' }).click();
    const dialog = app.page.getByRole('dialog', { name: '催办' });
    await dialogSettled(dialog);
    await dialog.getByLabel('催办事项').fill('以上事项进度滞后，请加快推进并书面报送办理情况');
    await dialog.getByLabel('办理时限').fill('2026-12-20');
    await screenshot(app.page, 'followup-07-urge-form');
    await dialog.getByRole('button', { name: '发出催办' }).click();
    const done = dialog.getByTestId('urge-done');
    await done.waitFor();
    expect(await done.textContent()).toContain('省商务厅（2 项）');
    await dialog.getByRole('link', { name: '打印催办单' }).click();
    const { pdf, pngs } = await printToPdf(app.page, 'urge-sheet');
    const text = squash(pdfText(pdf));
    expect(text).toContain('督办事项催办单');
    expect(text).toContain('致：省商务厅');
    expect(text).toContain(squash('请于2026年12月20日前办理'));
    for (const t of chosen) expect(text).toContain(squash(t));
    for (const c of codes) expect(text).toContain(squash(c));
    expect(pngs.length).toBeGreaterThan(0);

    await app.page.getByRole('button', { name: '返回' }).click();
    await list.open();
    await list.filterKeyword(chosen[0]);
    const drawer = await list.openRow(chosen[0]);
    await drawer.root.getByRole('tab', { name: '督办' }).click();
    const history = drawer.root.getByTestId('urge-history');
    await history.getByTestId('urge-line').filter({ hasText: '催办省商务厅' }).waitFor();
    await screenshot(app.page, 'followup-08-urge-history');
    await drawer.close();
  });
});
