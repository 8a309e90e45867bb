import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SummaryResult } from '../../../shared/contract/schemas/summary';
import { cycleCore, fill, templateTitles, type TestCore } from './exchange-fixture';

/** The 汇总表 sheet as rows of cells, header rows included. */
function sheetRows(bytes: Uint8Array): string[][] {
  const wb = XLSX.read(bytes, { type: 'array' });
  return XLSX.utils.sheet_to_json<string[]>(wb.Sheets['汇总表'], { header: 1, defval: '', raw: false });
}

/** Data rows of the exported 汇总表, by header label (the second header row wins for grouped columns). */
function exported(bytes: Uint8Array): Record<string, string>[] {
  const rows = sheetRows(bytes);
  const top = rows.findIndex((r) => r.includes('序号'));
  const labels = rows[top].map((l, i) => rows[top + 1][i] || l);
  return rows
    .slice(top + 2)
    .filter((r) => /^\d+$/.test(String(r[0])))
    .map((r) => Object.fromEntries(labels.map((l, i) => [l, String(r[i] ?? '')])));
}

describe('汇总表: one query feeds the page and the export', () => {
  let core: TestCore;
  let periodId: number;
  let all: SummaryResult;
  let commerceTitles: string[];
  let scienceTitles: string[];

  beforeAll(async () => {
    const c = await cycleCore(['省商务厅', '省科技厅']);
    core = c.core;
    periodId = c.period.id;
    commerceTitles = await templateTitles(c.template('省商务厅'));
    scienceTitles = await templateTitles(c.template('省科技厅'));
    const filled = await fill(c.template('省商务厅'), (e) => {
      e.set(commerceTitles[0], '状态', '推进中');
      e.set(commerceTitles[0], '完成比例(%)', 35);
      e.set(commerceTitles[0], '进展情况', '召开专题推进会两次');
      e.set(commerceTitles[0], '存在问题', '配套资金未到位');
      e.set(commerceTitles[0], '下步计划', '七月底前完成兑付');
    });
    await core.call('returns:apply', { files: [{ name: '省商务厅.xlsx', bytes: filled }] });
    all = await core.call('periods:summary', { periodId });
  }, 120_000);
  afterAll(() => core?.close());

  it('lists every issued item once, each with a light (symbol and word) and its 完成时限', async () => {
    const issued = new Set([...commerceTitles, ...scienceTitles]);
    expect(all.total).toBe(all.rows.length);
    expect(new Set(all.rows.map((r) => r.title))).toEqual(issued);
    for (const r of all.rows.slice(0, 20)) {
      expect(r.light.text).toMatch(/^[●▲◇○][红黄橙蓝绿]$/);
      const item = await core.call('items:get', { id: r.id });
      expect(r.deadlineText).toBe(item.deadlineText);
    }
    // Red rows are the bulletin's lagging items: one judgement of the period's lights.
    const draft = await core.call('bulletins:draft', { periodId });
    expect(all.rows.filter((r) => r.light.level === 'bad').map((r) => r.id).sort()).toEqual(draft.facts.lagging.map((l) => l.itemId).sort());
  });

  it('shows what the unit reported, and 未填报 rows without a reporting unit', () => {
    const row = all.rows.find((r) => r.title === commerceTitles[0])!;
    expect(row).toMatchObject({ units: ['省商务厅'], status: 'in_progress', ratio: 35, progress: '召开专题推进会两次', problems: '配套资金未到位', next: '七月底前完成兑付' });
    expect(all.reported).toBe(1);
    expect(all.rows.filter((r) => r.units.length === 0)).toHaveLength(all.total - 1);
  });

  it('filters by unit, light, status and keyword', async () => {
    const science = all.units.find((u) => u.name === '省科技厅')!;
    const byUnit = await core.call('periods:summary', { periodId, unitId: science.id });
    for (const t of scienceTitles) expect(byUnit.rows.map((r) => r.title)).toContain(t);
    for (const r of byUnit.rows) expect((await core.call('items:get', { id: r.id })).units.map((u) => u.name)).toContain('省科技厅');
    expect(byUnit.rows.length).toBeLessThan(all.rows.length);

    const levels = [...new Set(all.rows.map((r) => r.light.level))];
    let seen = 0;
    for (const level of levels) {
      const one = await core.call('periods:summary', { periodId, levels: [level] });
      expect(one.rows.every((r) => r.light.level === level)).toBe(true);
      seen += one.rows.length;
    }
    expect(seen).toBe(all.rows.length);

    const going = await core.call('periods:summary', { periodId, statuses: ['in_progress'] });
    expect(going.rows.map((r) => r.title)).toContain(commerceTitles[0]);
    expect(going.rows.every((r) => r.status === 'in_progress')).toBe(true);

    const word = await core.call('periods:summary', { periodId, keyword: '专题推进会' });
    expect(word.rows.map((r) => r.title)).toEqual([commerceTitles[0]]);
  });

  it('pages the same rows, lights and counts as the whole table, also under a light filter', async () => {
    const pageRows = async (q: Record<string, unknown>) => {
      const out: SummaryResult['rows'] = [];
      for (let offset = 0; ; offset += 7) {
        const page = await core.call('periods:summary', { periodId, ...q, offset, limit: 7 });
        expect(page.rows.length).toBeLessThanOrEqual(7);
        expect(page.total).toBe(all.total);
        out.push(...page.rows);
        if (offset + 7 >= page.matched) return { rows: out, matched: page.matched, matchedReported: page.matchedReported };
      }
    };
    expect(all.rows.length).toBeGreaterThan(7);
    const paged = await pageRows({});
    expect(paged.rows).toEqual(all.rows);
    expect(paged.matched).toBe(all.rows.length);
    expect(paged.matchedReported).toBe(all.rows.filter((r) => r.units.length).length);
    for (const level of new Set(all.rows.map((r) => r.light.level))) {
      const one = await pageRows({ levels: [level] });
      expect(one.rows).toEqual(all.rows.filter((r) => r.light.level === level));
      expect(one.matched).toBe(one.rows.length);
    }
  });

  it('exports the same rows in the same order, with the 亮灯 and 完成时限 columns, and the same filters', async () => {
    const file = await core.call('periods:summary-export', { periodId });
    const rows = exported(file.bytes);
    expect(rows.map((r) => r['名称'])).toEqual(all.rows.map((r) => r.title));
    expect(rows.map((r) => r['亮灯'])).toEqual(all.rows.map((r) => r.light.text));
    expect(rows.map((r) => r['完成时限'])).toEqual(all.rows.map((r) => r.deadlineText || r.deadlineDate || ''));
    expect(rows.find((r) => r['名称'] === commerceTitles[0])).toMatchObject({ 填报单位: '省商务厅', 状态: '推进中', 进展情况: '召开专题推进会两次' });

    const science = all.units.find((u) => u.name === '省科技厅')!;
    const filtered = await core.call('periods:summary', { periodId, unitId: science.id });
    expect(filtered.rows.length).toBeGreaterThan(0);
    const filteredFile = await core.call('periods:summary-export', { periodId, unitId: science.id });
    expect(exported(filteredFile.bytes).map((r) => r['名称'])).toEqual(filtered.rows.map((r) => r.title));
    expect(sheetRows(filteredFile.bytes).flat().join('')).toContain(`本期共 ${all.total} 项`);
  });

  it('answers the next page after an edit with the edit in it (a filtered table is not kept past a write)', async () => {
    const q = { periodId, keyword: '翻页后改名', offset: 0, limit: 5 };
    expect((await core.call('periods:summary', q)).matched).toBe(0);
    const target = all.rows[3];
    await core.call('items:update', { id: target.id, fields: { title: `${target.title}翻页后改名` } });
    const after = await core.call('periods:summary', q);
    expect(after.matched).toBe(1);
    expect(after.rows.map((r) => r.id)).toEqual([target.id]);
    const page = await core.call('periods:summary', { periodId, offset: 3, limit: 1 });
    expect(page.rows[0].title).toBe(`${target.title}翻页后改名`);
  });
});
