import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../fixtures/documents/make-fixtures';
import { fixtureTasks } from '../fixtures/documents/task-list';
import { screenshot, useApp } from './harness';
import { ImportPageModel } from './page-models/import-page';
import { ItemsPageModel } from './page-models/items-page';
import { rpc } from './page-models/rpc';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const short = fixtureTasks(12);
const long = fixtureTasks(60, true);

describe('documents as they arrive, dropped on 导入 in Chromium: preview, apply, find the items', () => {
  const app = useApp();

  it('a dropped .docx previews its task table (merged lead cells read) with the usual column mapping', async () => {
    const imp = new ImportPageModel(app.page);
    await imp.open();
    await imp.drop([{ name: '扩大有效投资任务清单.docx', bytes: fixtureBytes('tasks-merged.docx'), mime: DOCX_MIME }]);
    await expect.poll(() => imp.counts().textContent(), { timeout: 120_000 }).toContain('新增 12 条');
    const sheet = imp.sheets().first();
    expect(await sheet.getByLabel('D列「牵头单位」读作').inputValue()).toBe('lead');
    const rows = sheet.getByTestId('preview-item');
    await expect.poll(() => rows.count()).toBe(12);
    // Tasks 2 and 3 sit under task 1's merged lead cell: they get its unit too.
    expect(await rows.nth(2).textContent()).toContain(short[2].title);
    expect(await rows.nth(2).textContent()).toContain('市发展改革委');
    await screenshot(app.page, 'import-docx-preview');
  });

  it('applies the .docx, and its tasks are in 任务清单', async () => {
    const imp = new ImportPageModel(app.page);
    await imp.apply('已导入 12 条');
    const tasks = new ItemsPageModel(app.page);
    await tasks.open();
    await tasks.filterKeyword(short[4].title);
    await expect.poll(() => tasks.total(), { timeout: 30_000 }).toBe(1);
    await screenshot(app.page, 'import-docx-tasks');
  });

  it('undoes the .docx batch; a dropped PDF whose table spans eight pages gives its 60 tasks, applied', async () => {
    const imp = new ImportPageModel(app.page);
    await imp.open();
    await app.page.getByRole('button', { name: /撤销批次 #\d+/ }).first().click();
    await app.page.getByRole('dialog').getByRole('button', { name: '撤销' }).click();
    await app.page.getByText(/已撤销批次 #\d+/).first().waitFor();
    expect((await rpc(app.server, 'items:list', { kind: 'task', limit: 10 })).total).toBe(0);
    if (await app.page.getByRole('button', { name: '移除 扩大有效投资任务清单.docx' }).count()) await imp.remove('扩大有效投资任务清单.docx');
    await imp.drop([{ name: '扩大有效投资任务清单.pdf', bytes: fixtureBytes('tasks-pages.pdf'), mime: 'application/pdf' }]);
    await expect.poll(() => imp.counts().textContent(), { timeout: 120_000 }).toContain('新增 60 条，更新 0 条');
    const rows = imp.sheets().first().getByTestId('preview-item');
    expect(await rows.last().textContent()).toContain(long[59].title);
    expect(await rows.last().textContent()).toContain(`牵头 ${long[59].lead}`);
    expect(await rows.last().textContent()).toContain(long[59].deadline);
    await screenshot(app.page, 'import-pdf-preview');
    await imp.apply('已导入 60 条');
    const stored = (await rpc(app.server, 'items:list', { kind: 'task', limit: 1000 })).rows;
    expect(stored.map((r) => r.title).sort()).toEqual(long.map((t) => t.title).sort());
    const tasks = new ItemsPageModel(app.page);
    await tasks.open();
    await tasks.filterKeyword(long[59].title);
    await expect.poll(() => tasks.total(), { timeout: 30_000 }).toBe(1);
    await screenshot(app.page, 'import-pdf-tasks');
  });
});
