import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { cycleFixture } from './cycle-fixture';
import { makeCore, type TestCore } from './helpers';

/** A plan with a numbered section, as a plan text makes them; items numbered 1, 2 … inside it. */
function planSection(db: Database, section: string, title = '交通强县实施方案'): { planId: number; sectionId: number } {
  const at = '2025-05-01T00:00:00.000Z';
  const planId = Number(db.prepare('INSERT INTO plans(title, created_at, updated_at) VALUES (?, ?, ?)').run(title, at, at).lastInsertRowid);
  const sectionId = Number(db.prepare('INSERT INTO sections(plan_id, name, sort) VALUES (?, ?, 1)').run(planId, section).lastInsertRowid);
  return { planId, sectionId };
}

const inSection = (db: Database, sectionId: number, ...ids: number[]) => {
  for (const id of ids) db.prepare('UPDATE items SET section_id = ? WHERE id = ?').run(sectionId, id);
};

describe('编号 as the lists show it, a bare 1 in section （二） reading 2-1', () => {
  const cores: TestCore[] = [];
  afterEach(() => cores.splice(0).forEach((c) => c.close()));

  it('on 概览: the overdue and due-soon tables', async () => {
    const core = makeCore({ now: new Date('2025-07-15T09:00:00+08:00') });
    cores.push(core);
    const c = cycleFixture(core);
    const { planId, sectionId } = planSection(c.db, '（二）完善路网');
    const late = await c.item({ code: '1', title: '农村公路提质改造', deadlineText: '2025-06-30', planId });
    const soon = await c.item({ code: '2', title: '建设口袋公园', deadlineText: '2025-07-20', planId });
    inSection(c.db, sectionId, late, soon);
    const d = await core.call('dashboard:get', { kind: 'task' });
    expect(d.overdue.rows.map((r) => r.code)).toEqual(['2-1']);
    expect(d.dueSoon.rows.map((r) => r.code)).toEqual(['2-2']);
  });

  it('in the 上报 workbook: the upper row is found by its shown 编号 and the rollup names local items by theirs', async () => {
    const city = makeCore();
    const county = makeCore();
    cores.push(city, county);
    const cc = cycleFixture(city);
    const citySection = planSection(cc.db, '一、完善路网');
    const cityUnit = await cc.unit('汨罗市');
    const roads = await cc.item({ code: '1', title: '农村公路提质改造', planId: citySection.planId, lead: [cityUnit] });
    inSection(cc.db, citySection.sectionId, roads);
    const period = await city.call('periods:open', { name: '2025年第3期', kind: '双周', start: '2025-07-01', end: '2025-07-15', due: '2025-07-20' });
    const template = (await city.call('templates:issue', { periodId: period.id })).files[0].bytes!;

    // The county holds the city's item as an upper item stored as written (1, under 一、), without the city's id.
    const k = cycleFixture(county);
    const s = planSection(k.db, '一、完善路网');
    const bureau = await k.unit('汨罗市交通运输局');
    const upper = await k.item({ code: '1', title: '农村公路提质改造', planId: s.planId, lead: [bureau] });
    inSection(k.db, s.sectionId, upper);
    k.db.prepare("UPDATE items SET origin = 'upper' WHERE id = ?").run(upper);
    // Two local items typed 1 and 2 in the county's own section （二）, linked to it.
    const local = planSection(k.db, '（二）县道改造', '汨罗市县道改造方案');
    const east = await k.item({ code: '1', title: '东线', planId: local.planId, status: 'done', progress: 100 });
    const west = await k.item({ code: '2', title: '西线', planId: local.planId, status: 'in_progress', progress: 40 });
    inSection(k.db, local.sectionId, east, west);
    k.db.prepare("UPDATE items SET upper_item_id = ?, origin = 'local' WHERE id IN (?, ?)").run(upper, east, west);

    const r = await county.call('reportup:fill', { fileName: 'city.xlsx', bytes: template });
    expect(r.rows[0]).toMatchObject({ code: '1-1', matchedBy: 'upper_code', source: 'rollup' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.bytes) as unknown as ExcelJS.Buffer);
    const texts: string[] = [];
    wb.getWorksheet('填报表')!.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === 'string' && texts.push(cell.value))));
    const progress = texts.find((t) => t.startsWith('分解为 2 项'));
    expect(progress).toContain('2-1：');
    expect(progress).toContain('2-2：');
  });
});
