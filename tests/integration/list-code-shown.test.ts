import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { cycleFixture } from './cycle-fixture';
import { fill } from './exchange/exchange-fixture';
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

/** Two items typed 1 and 2 in section （二）: the lists show them as 2-1 and 2-2. */
async function twoInSection(core: TestCore) {
  const c = cycleFixture(core);
  const { planId, sectionId } = planSection(c.db, '（二）完善消费政策');
  const unit = await c.unit('市商务局');
  const late = await c.item({ code: '1', title: '促消费活动', deadlineText: '2025-06-30', planId, lead: [unit] });
  const soon = await c.item({ code: '2', title: '家电以旧换新', deadlineText: '2025-12-31', planId, lead: [unit] });
  inSection(c.db, sectionId, late, soon);
  const listed = (await core.call('items:list', { kind: 'task' })).rows.map((r) => r.code);
  expect(listed).toEqual(['2-1', '2-2']);
  return { c, unit, late, soon };
}

/** The values under a header in a workbook's first sheet, below the header row. */
async function column(bytes: Uint8Array, header: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0];
  let at: { row: number; col: number } | null = null;
  const out: string[] = [];
  ws.eachRow((row, r) =>
    row.eachCell((cell, c) => {
      if (!at && cell.value === header) at = { row: r, col: c };
      else if (at && r > at.row && c === at.col && cell.value !== null && cell.value !== '') out.push(String(cell.value));
    }),
  );
  return out;
}

describe('编号 as the lists show it on returns, bulletins, 催办 and the lights compare', () => {
  const cores: TestCore[] = [];
  afterEach(() => cores.splice(0).forEach((c) => c.close()));
  const core = () => {
    const made = makeCore({ now: new Date('2025-07-15T09:00:00+08:00') });
    cores.push(made);
    return made;
  };

  it('导入回报 preview: rows, 申请延期 and 申请办结 tables; the pending request after applying', async () => {
    const k = core();
    const { late, soon } = await twoInSection(k);
    const period = await k.call('periods:open', { name: '2025年第3期', kind: '双周', start: '2025-07-01', end: '2025-07-15', due: '2025-07-20' });
    const template = (await k.call('templates:issue', { periodId: period.id })).files[0].bytes!;
    const filled = await fill(template, (e) => {
      expect(e.ws.getCell(e.row('促消费活动'), e.col('编号')).value).toBe('2-1');
      e.set('促消费活动', '进展情况', '已完成招标');
      e.set('促消费活动', '申请延期至', '2025年10月31日');
      e.set('促消费活动', '延期理由', '设备到货推迟');
      e.set('家电以旧换新', '申请办结（佐证材料/文号）', '已出台实施细则，岳政办发〔2025〕12号');
    });
    const files = [{ name: '市商务局_回收.xlsx', bytes: filled }];
    const f = (await k.call('returns:preview', { files })).files[0];
    expect(f.ok).toBe(true);
    expect(f.rows.map((r) => [r.itemId, r.code])).toContainEqual([late, '2-1']);
    expect(f.extensions!.map((x) => [x.itemId, x.code])).toEqual([[late, '2-1']]);
    expect(f.closures!.map((x) => [x.itemId, x.code])).toEqual([[soon, '2-2']]);
    await k.call('returns:apply', { files });
    expect((await k.call('extensions:list', { state: 'pending' })).map((e) => e.itemCode)).toEqual(['2-1']);
  });

  it('通报: the lagging items in facts and text', async () => {
    const k = core();
    const { late } = await twoInSection(k);
    const period = await k.call('periods:open', { name: '2025年第3期', kind: '双周', start: '2025-07-01', end: '2025-07-15', due: '2025-07-20' });
    const draft = await k.call('bulletins:draft', { periodId: period.id });
    expect(draft.facts.lagging.map((l) => [l.itemId, l.code])).toEqual([[late, '2-1']]);
    expect(draft.body).toContain('2-1 促消费活动（');
  });

  it('催办: the items of a 催办, its exported 催办单 and an error naming an item', async () => {
    const k = core();
    const { late, soon } = await twoInSection(k);
    const r = await k.call('urges:create', { itemIds: [late, soon], content: '请加快推进并报送进展' });
    expect(r.urges[0].items.map((i) => i.code)).toEqual(['2-1', '2-2']);
    expect((await k.call('urges:list', { batchId: r.batchId }))[0].items.map((i) => i.code)).toEqual(['2-1', '2-2']);
    const printed = await column((await k.call('urges:export', { batchId: r.batchId })).bytes, '编号');
    expect(printed).toEqual(expect.arrayContaining(['2-1', '2-2']));
    expect(printed).not.toEqual(expect.arrayContaining(['1']));
    await expect(k.call('extensions:request', { itemId: late, requestedDate: '2025-06-01', reason: '资金未到位' })).rejects.toThrow('「2-1 促消费活动」');
  });

  it('the drawer\'s 上级来源 chain', async () => {
    const k = core();
    const { late } = await twoInSection(k);
    expect((await k.call('items:upper-chain', { id: late })).steps.map((s) => s.code)).toEqual(['2-1']);
  });

  it('the lights compare: an item done since the last snapshot', async () => {
    const k = core();
    const { c, late } = await twoInSection(k);
    const p1 = c.period('2025年第1期', '2025-06-01', '2025-06-15', '2025-06-18', true);
    const p2 = c.period('2025年第2期', '2025-06-16', '2025-07-15', '2025-07-18');
    await k.call('lights:snapshot', { periodId: p1 });
    await k.call('items:update', { id: late, fields: { status: 'done' } });
    const compare = await k.call('lights:compare', { periodId: p2 });
    expect(compare.improved.map((w) => [w.id, w.code, w.after])).toEqual([[late, '2-1', 'done']]);
    await k.call('lights:snapshot', { periodId: p2 });
    expect((await k.call('lights:compare', { periodId: p2 })).improved.map((w) => w.code)).toEqual(['2-1']);
  });
});
