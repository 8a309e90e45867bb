import { describe, expect, it } from 'vitest';
import { screenshot, useApp } from './harness';
import { createItem, ItemsPageModel } from './page-models/items-page';
import { rpc } from './page-models/rpc';

describe('adding, editing and deleting a project in Chromium', () => {
  const app = useApp();
  it('shows what to do on an empty list', async () => {
    const projects = new ItemsPageModel(app.page, '项目清单');
    await projects.open();
    await app.page.getByRole('heading', { name: '还没有项目' }).waitFor();
    expect(await app.page.getByRole('link', { name: '导入上级清单' }).count()).toBe(1);
    expect(await app.page.getByRole('button', { name: '载入示例数据' }).count()).toBe(1);
    await screenshot(app.page, 'projects-empty');
  });

  it('creates a project, fills its investment and stage, and sees them in the list', async () => {
    const projects = new ItemsPageModel(app.page, '项目清单');
    const drawer = await createItem(projects, '汨罗循环经济产业园污水处理厂扩建');
    await drawer.field('总投资（万元）').fill('12500');
    await drawer.field('年度计划投资（万元）').fill('4000');
    await drawer.field('已完成投资（万元）').fill('1500.5');
    await drawer.field('计划开工').fill('2025-03-01');
    await drawer.root.getByRole('combobox', { name: '项目阶段' }).click();
    await app.page.getByRole('option', { name: '在建', exact: true }).click();
    await drawer.setDeadline('长期坚持');
    await drawer.save();
    await expect.poll(() => drawer.root.getByText('按原文保留（未解析出日期）').count()).toBe(1);
    await screenshot(app.page, 'project-drawer');
    await drawer.close();
    await expect.poll(() => projects.total()).toBe(1);
    const row = (await projects.row('汨罗循环经济产业园污水处理厂扩建').textContent()) ?? '';
    for (const shown of ['12,500', '4,000', '1,500.5', '在建', '长期坚持']) expect(row).toContain(shown);
    const stored = (await rpc(app.server, 'items:list', { kind: 'project' })).rows[0];
    expect(stored.deadlineDate).toBeNull();
  });

  it('deletes a project only after confirming', async () => {
    const projects = new ItemsPageModel(app.page, '项目清单');
    const drawer = await projects.openRow('汨罗循环经济产业园污水处理厂扩建');
    await drawer.root.getByRole('button', { name: '删除' }).click();
    const confirm = app.page.getByRole('dialog', { name: '删除项目' });
    await confirm.getByRole('button', { name: '取消' }).click();
    expect((await rpc(app.server, 'items:list', { kind: 'project' })).total).toBe(1);
    await drawer.root.getByRole('button', { name: '删除' }).click();
    await app.page.getByRole('dialog', { name: '删除项目' }).getByRole('button', { name: '删除' }).click();
    await app.page.getByRole('heading', { name: '还没有项目' }).waitFor();
    expect((await rpc(app.server, 'items:list', { kind: 'project' })).total).toBe(0);
  });
});
