import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { SKIP_RENDER, docxPackageProblems, pagePngs, pageSize, pageTexts, renderDocx, squash } from '../integration/docout/docx-render';
import { screenshot, useApp } from './harness';
import { DispatchPageModel } from './page-models/dispatch-page';
import { rpc } from './page-models/rpc';

describe('落实方案 on 导出与打印: edit the preface, see it in the preview, save the .docx', () => {
  const app = useApp({
    async seed(server) {
      await rpc(server, 'demo:load', {});
      const upper = await rpc(server, 'items:list', { kind: 'task', origin: 'upper', limit: 1000 });
      await rpc(server, 'items:break-down', { upperItemIds: upper.rows.map((r) => r.id) });
      const period = await rpc(server, 'periods:open', { name: '2025年第5期', kind: '双周', start: '2025-06-16', end: '2025-06-29', due: '2025-06-30' });
      const units = await rpc(server, 'units:list', {});
      const unitIds = ['省商务厅', '省科技厅'].map((n) => units.find((u) => u.name === n)!.id);
      await rpc(server, 'templates:issue', { periodId: period.id, unitIds });
    },
  });
  const preface = '为确保省“七大攻坚”各项任务在汨罗落地见效，经市人民政府同意，制定本方案。请各单位对照分工抓好落实。';

  it.skipIf(SKIP_RENDER)('the exported document has the edited preface, the title and the tasks; the 附件 is landscape', async () => {
    const page = app.page;
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '导出与打印' }).click();
    await page.getByRole('tab', { name: '落实方案' }).click();
    const title = page.getByRole('textbox', { name: '标题' });
    await expect.poll(() => title.inputValue()).toBe('汨罗市落实《湖南省实施“七大攻坚”总体方案》实施方案');
    const prefaceBox = page.getByRole('textbox', { name: '前言' });
    await prefaceBox.fill(preface);
    const preview = page.getByTestId('plandoc-preview');
    await preview.getByText(preface).waitFor();
    await preview.getByText('共 7 个部分、150 项任务').waitFor();
    await screenshot(page, 'plan-doc-panel');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出落实方案（Word）' }).click()]);
    expect(download.suggestedFilename()).toBe('汨罗市落实《湖南省实施“七大攻坚”总体方案》实施方案.docx');
    const bytes = new Uint8Array(await readFile((await download.path())!));
    expect(docxPackageProblems(bytes)).toEqual([]);
    const pdf = renderDocx('e2e-plan-doc', bytes);
    const pages = pageTexts(pdf);
    const flow = squash(pages.map((p) => p.replace(/—\s*\d+\s*—/g, '')).join(''));
    expect(squash(pages[0])).toContain(squash('汨罗市落实《湖南省实施“七大攻坚”总体方案》实施方案'));
    expect(squash(pages[0])).toContain(squash(preface));
    const tasks = (await rpc(app.server, 'items:list', { kind: 'task', origin: 'local', limit: 1000 })).rows;
    expect(tasks).toHaveLength(150);
    for (const t of tasks) expect(flow, t.title).toContain(squash(t.title));
    expect(pages[0]).toMatch(/—\s*1\s*—/);
    const last = pages.length;
    expect(pageSize(pdf, 1).width).toBeLessThan(pageSize(pdf, 1).height);
    expect(pageSize(pdf, last).width).toBeGreaterThan(pageSize(pdf, last).height);
    expect(squash(pages[last - 1])).toContain('编号任务牵头单位责任单位/配合单位完成时限');
    pagePngs(pdf, [1, 2, last - 1, last]);

    // The draft was kept: after a reload the edited preface is still there.
    await page.reload();
    await page.getByRole('tab', { name: '落实方案' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: '前言' }).inputValue()).toBe(preface);
  });

  /** The text of a downloaded .docx (document.xml without tags). */
  async function docxText(download: import('playwright-core').Download): Promise<string> {
    const bytes = new Uint8Array(await readFile((await download.path())!));
    expect(docxPackageProblems(bytes)).toEqual([]);
    return strFromU8(unzipSync(bytes)['word/document.xml']).replace(/<[^>]+>/g, '');
  }

  it('导出 Word beside the bulletin editor and the 催报 list saves what the page shows', async () => {
    const page = app.page;
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '导出与打印' }).click();
    await page.getByRole('tab', { name: '调度通报' }).click();
    const body = page.getByRole('textbox', { name: '通报正文' });
    await expect.poll(() => body.inputValue()).toContain('2025年第5期');
    await body.fill(`${await body.inputValue()}\n附：本期通报由 e2e 补充一行。`);
    const [bulletin] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Word' }).click()]);
    expect(bulletin.suggestedFilename()).toBe('2025年第5期调度通报.docx');
    const text = await docxText(bulletin);
    expect(text).toContain('2025年第5期调度通报');
    expect(text).toContain('附：本期通报由 e2e 补充一行。');

    const dispatch = new DispatchPageModel(page);
    await dispatch.open();
    await dispatch.tab('催报');
    const table = page.getByTestId('missing-table');
    await table.waitFor();
    const shown = await table.locator('tbody th').allInnerTexts();
    const [missing] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Word' }).click()]);
    expect(missing.suggestedFilename()).toBe('2025年第5期_催报名单.docx');
    const list = await docxText(missing);
    expect(list).toContain('2025年第5期未报送单位名单');
    for (const unit of shown) expect(list).toContain(unit);
    await screenshot(page, 'plan-doc-missing-panel');
  });
});
