import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../helpers';
import { SKIP_RENDER, docxPackageProblems, pagePngs, pageSize, pageTexts, renderDocx, squash } from './docx-render';

interface LocalItem {
  id: number;
  title: string;
}

/** Text of pages without their page-number lines, whitespace removed (a paragraph may run over a page break). */
function flowText(pages: readonly string[]): string {
  return squash(pages.map((p) => p.replace(/—\s*\d+\s*—/g, '')).join(''));
}

/** The units an item has in the database, in the seed's own words. */
function unitWords(core: TestCore, itemId: number): string {
  const rows = core.ctx.db
    .prepare<[number], { role: string; name: string }>('SELECT iu.role, u.name FROM item_units iu JOIN units u ON u.id = iu.unit_id WHERE iu.item_id = ? ORDER BY iu.sort, u.sort, u.id')
    .all(itemId);
  const lead = rows.filter((r) => r.role === 'lead').map((r) => r.name);
  const others = [...new Set(rows.filter((r) => r.role !== 'lead').map((r) => r.name))].filter((n) => !lead.includes(n));
  const parts = [lead.length ? `${lead.join('、')}牵头` : '', others.length ? `${others.join('、')}等按职责分工负责` : ''].filter(Boolean);
  return parts.join('，');
}

describe('落实方案 of the demo data (150 seed tasks broken down, counterparts applied)', () => {
  let core: TestCore;
  let items: LocalItem[];
  const preface = '为抓好省“七大攻坚”在汨罗落地，经市政府同意，现就有关事项明确如下。\n第二段：各牵头单位要细化措施，按月调度。';

  beforeAll(async () => {
    core = makeCore();
    await core.call('demo:load', {});
    const cps = await core.call('counterparts:list', {});
    await core.call('counterparts:save', { rows: cps.rows.filter((r) => r.localName).map((r) => ({ upperName: r.upperName, localName: r.localName })) });
    const upper = core.ctx.db.prepare<[], { id: number }>("SELECT id FROM items WHERE origin = 'upper' ORDER BY id").all();
    await core.call('items:break-down', { upperItemIds: upper.map((u) => u.id) });
    items = core.ctx.db.prepare<[], LocalItem>("SELECT id, title FROM items WHERE origin = 'local' ORDER BY id").all();
    core.ctx.db.prepare("UPDATE items SET deadline_text = '2025年12月底前' WHERE id = ?").run(items[0].id);
  });
  afterAll(() => core.close());

  it('suggests a title from the office and the upper plan, and keeps the edited draft', async () => {
    expect(items).toHaveLength(150);
    const state = await core.call('plandoc:state', {});
    expect(state.draft.title).toBe('汨罗市落实《湖南省实施“七大攻坚”总体方案》实施方案');
    expect(state.draft.preface).toContain('（湘政办发〔2025〕2号）');
    expect(state.draft.savedAt).toBeNull();
    expect(state.plans.reduce((n, p) => n + p.localCount, 0)).toBe(150);
    await core.call('plandoc:save-draft', { title: state.draft.title, preface, planIds: [2, 3] });
    const again = await core.call('plandoc:state', {});
    expect(again.draft).toMatchObject({ preface, planIds: [2, 3] });
    expect(again.draft.savedAt).not.toBeNull();
    const outline = await core.call('plandoc:outline', again.draft);
    expect(outline.taskCount).toBe(again.plans.filter((p) => p.id === 2 || p.id === 3).reduce((n, p) => n + p.localCount, 0));
    expect(outline.parts.map((p) => p.heading)).toEqual(['一、内需扩量提效攻坚', '二、产业育新培强攻坚']);
    expect(outline.parts[1].sections.map((s) => s.heading)[1]).toBe('（二）全力推进产业项目招引落地');
  });

  it.skipIf(SKIP_RENDER)('renders in LibreOffice: title, preface, every task with its units and deadline, page numbers, landscape 附件 with the header on every page', async () => {
    const state = await core.call('plandoc:state', {});
    const file = await core.call('plandoc:docx', { title: state.draft.title, preface, planIds: null });
    expect(file.fileName).toBe('汨罗市落实《湖南省实施“七大攻坚”总体方案》实施方案.docx');
    expect(docxPackageProblems(file.bytes)).toEqual([]);
    const pdf = renderDocx('plan-doc', file.bytes);
    const pages = pageTexts(pdf);
    expect(squash(pages[0])).toContain(squash(state.draft.title));
    const flow = flowText(pages);
    for (const line of preface.split('\n')) expect(flow).toContain(squash(line));
    pages.forEach((p, i) => expect(p, `第 ${i + 1} 页的页码`).toMatch(new RegExp(`—\\s*${i + 1}\\s*—`)));

    const firstAttachment = pages.findIndex((p) => squash(p).includes('编号任务牵头单位责任单位/配合单位完成时限'));
    expect(firstAttachment).toBeGreaterThan(0);
    const body = flowText(pages.slice(0, firstAttachment));
    const table = flowText(pages.slice(firstAttachment));
    for (const it of items) {
      expect(body, it.title).toContain(squash(it.title));
      expect(body, `${it.title} 的单位`).toContain(squash(`（${unitWords(core, it.id)}`));
      expect(table, `附件中的 ${it.title}`).toContain(squash(it.title));
    }
    expect(body).toContain(squash(`${unitWords(core, items[0].id)}；完成时限：2025年12月底前）`));
    expect(body).toContain('附件：汨罗市落实《湖南省实施“七大攻坚”总体方案》实施方案重点任务清单');

    const attachmentPages = pages.length - firstAttachment;
    expect(attachmentPages).toBeGreaterThan(1);
    for (let n = 1; n <= pages.length; n++) {
      const s = pageSize(pdf, n);
      const landscape = n > firstAttachment;
      expect(landscape ? s.width > s.height : s.width < s.height, `第 ${n} 页${landscape ? '横向' : '纵向'}`).toBe(true);
      if (landscape) expect(squash(pages[n - 1]), `第 ${n} 页表头`).toContain('编号任务牵头单位责任单位/配合单位完成时限');
    }
    pagePngs(pdf, [1, 2, firstAttachment, firstAttachment + 1, firstAttachment + 2, pages.length]);
  }, 300_000);
});
