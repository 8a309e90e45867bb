import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cycleCore, type TestCore } from '../exchange/exchange-fixture';
import { SKIP_RENDER, docxPackageProblems, pagePngs, pageTexts, renderDocx, squash } from './docx-render';

describe('调度通报 and 催报 list as .docx', () => {
  let core: TestCore;
  let periodId: number;

  beforeAll(async () => {
    const c = await cycleCore(['省商务厅', '省科技厅', '省财政厅']);
    core = c.core;
    periodId = c.period.id;
  });
  afterAll(() => core.close());

  it.skipIf(SKIP_RENDER)('the bulletin keeps the editor text: title, greeting, every part and paragraph, office and date, page numbers', async () => {
    const draft = await core.call('bulletins:draft', { periodId });
    const body = draft.body.replace(/^(.*：)\n/, '$1\n本期特别提示：请各单位于下周一前补报。\n');
    const file = await core.call('bulletins:docx', { periodId, body });
    expect(file.fileName).toBe('2025年第5期调度通报.docx');
    expect(docxPackageProblems(file.bytes)).toEqual([]);
    const pdf = renderDocx('bulletin', file.bytes);
    const pages = pageTexts(pdf);
    pagePngs(pdf, [1, pages.length]);
    const all = squash(pages.map((p) => p.replace(/—\s*\d+\s*—/g, '')).join(''));
    expect(squash(pages[0])).toContain('2025年第5期调度通报');
    for (const line of body.split('\n').filter((l) => l.trim())) expect(all, line).toContain(squash(line));
    expect(all).toContain('本期特别提示：请各单位于下周一前补报。');
    pages.forEach((p, i) => expect(p, `第 ${i + 1} 页的页码`).toMatch(new RegExp(`—\\s*${i + 1}\\s*—`)));

    // Without the editor text, the kept bulletin is written.
    await core.call('bulletins:save', { periodId, body: `${body}\n` });
    const kept = await core.call('bulletins:docx', { periodId });
    expect(squash(pageTexts(renderDocx('bulletin-kept', kept.bytes)).join(''))).toContain('本期特别提示');
  }, 300_000);

  it.skipIf(SKIP_RENDER)('the 催报 list: title, due date and counts, a table of every unit owing a report with contact, state and days late', async () => {
    const report = await core.call('periods:missing', { periodId, today: '2025-07-03' });
    expect(report.units.length).toBeGreaterThan(3);
    const file = await core.call('periods:missing-docx', { periodId, today: '2025-07-03' });
    expect(file.fileName).toBe('2025年第5期_催报名单.docx');
    expect(docxPackageProblems(file.bytes)).toEqual([]);
    const pdf = renderDocx('missing', file.bytes);
    const pages = pageTexts(pdf);
    pagePngs(pdf, [1]);
    const all = squash(pages.join(''));
    expect(squash(pages[0])).toContain('2025年第5期未报送单位名单');
    expect(squash(pages[0])).toContain('序号单位联系人联系电话报送情况逾期天数');
    expect(all).toContain('本期报送截止时间为2025年6月30日，已逾期3天');
    for (const u of report.units) expect(all, u.unitName).toContain(squash(u.unitName));
    expect(all).toContain(squash('未报送'));
    expect(all).toContain(squash('未下发模板'));
    pages.forEach((p, i) => expect(p).toMatch(new RegExp(`—\\s*${i + 1}\\s*—`)));
  }, 300_000);
});
