import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { suggestCounterpart } from '../../electron/core/counterparts/suggest-names';
import { makeCore, type TestCore } from './helpers';
import { office } from './three-offices/office';

const COUNTY = { name: '汨罗市七大攻坚工作专班办公室', level: '县' as const, region: '汨罗市', parentName: '岳阳市七大攻坚工作专班办公室' };
const CITY = { name: '岳阳市七大攻坚工作专班办公室', level: '市' as const, region: '岳阳市', parentName: '湖南省七大攻坚工作专班办公室' };

// 75: phrases such as 各行业主管部门 and 领导小组成员单位 are no units (import/unit-phrases.ts).
describe('对口单位: suggestions for the seed’s 75 province units', () => {
  let core: TestCore;
  afterEach(() => core.close());

  async function seedAt(o: typeof COUNTY | typeof CITY) {
    core = makeCore();
    await core.call('demo:load', {});
    await core.call('office:set', o);
    return core.call('counterparts:list', {});
  }

  it('at 县 level (汨罗市): every unit gets a suggestion or is listed with why it has none', async () => {
    const list = await seedAt(COUNTY);
    expect(list.place).toBe('汨罗市');
    expect(list.rows).toHaveLength(75);
    const by = Object.fromEntries(list.rows.map((r) => [r.upperName, r.localName]));
    expect(by).toMatchObject({
      省发展改革委: '汨罗市发展和改革局',
      省人力资源社会保障厅: '汨罗市人力资源和社会保障局',
      省住房城乡建设厅: '汨罗市住房和城乡建设局',
      省卫生健康委: '汨罗市卫生健康局',
      省市场监管局: '汨罗市市场监督管理局',
      省药品监管局: '汨罗市市场监督管理局',
      省体育局: '汨罗市文化旅游广电体育局',
      省委组织部: '汨罗市委组织部',
      省税务局: '国家税务总局汨罗市税务局',
      省消防救援总队: '汨罗市消防救援大队',
      省应急厅: '汨罗市应急管理局',
      省直各行政执法主管部门: '市直各行政执法主管部门',
      长沙海关: null,
      省邮政管理局: null,
    });
    for (const r of list.rows) {
      expect(r.confirmed).toBe(false);
      if (r.localName === null) expect(r.how === 'none' && r.reason.length > 0, r.upperName).toBe(true);
      else expect(['rule', 'directory']).toContain(r.how);
    }
    expect(list.rows.filter((r) => r.localName === null).length).toBeLessThan(20);
  });

  it('at 市 level (岳阳市): 委 stay 委员会, bodies without a county office get one', async () => {
    const list = await seedAt(CITY);
    const by = Object.fromEntries(list.rows.map((r) => [r.upperName, r.localName]));
    expect(by).toMatchObject({
      省发展改革委: '岳阳市发展和改革委员会',
      省卫生健康委: '岳阳市卫生健康委员会',
      省科技厅: '岳阳市科学技术局',
      省邮政管理局: '岳阳市邮政管理局',
      省消防救援总队: '岳阳市消防救援支队',
      人民银行湖南省分行: '人民银行岳阳市分行',
    });
    expect(list.rows.every((r) => r.localName !== null || r.reason)).toBe(true);
  });

  it('prefers a unit already in the directory about the same thing (市发展改革局 for 省发展改革委)', () => {
    expect(suggestCounterpart('省发展改革委', COUNTY, ['市发展改革局', '市财政局'])).toEqual({ name: '市发展改革局', how: 'directory' });
    expect(suggestCounterpart('省财政厅', COUNTY, ['汨罗市财政局'])).toEqual({ name: '汨罗市财政局', how: 'directory' });
    expect(suggestCounterpart('省商务厅', COUNTY, ['市财政局']).how).toBe('rule');
  });

  it('confirming keeps the rows (adding missing units), undoably; Excel export/import round-trips and bad rows are named', async () => {
    const list = await seedAt(COUNTY);
    const rows = list.rows.map((r) => ({ upperName: r.upperName, localName: r.localName }));
    const saved = await core.call('counterparts:save', { rows });
    expect(saved.saved).toBe(75);
    expect(saved.message).toContain('已保存对口单位 75 行');
    const kept = await core.call('counterparts:list', {});
    expect(kept.rows.every((r) => r.how === 'kept' && r.confirmed)).toBe(true);
    const file = await core.call('counterparts:export', {});
    // Change one row in the workbook as a user would, import it back.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.bytes) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('对口单位')!;
    const at = ws.getColumn(1).values.findIndex((v) => v === '省商务厅');
    ws.getRow(at).getCell(2).value = '汨罗市商务粮食局';
    const edited = new Uint8Array(await wb.xlsx.writeBuffer());
    const imported = await core.call('counterparts:import', { fileName: '对口单位.xlsx', bytes: edited });
    expect(imported).toMatchObject({ saved: 1, createdUnits: 1 });
    expect((await core.call('counterparts:list', {})).rows.find((r) => r.upperName === '省商务厅')?.localName).toBe('汨罗市商务粮食局');
    await core.call('imports:undo', { batchId: imported.batchId! });
    expect((await core.call('counterparts:list', {})).rows.find((r) => r.upperName === '省商务厅')?.localName).toBe('汨罗市商务局');
    ws.getRow(at).getCell(1).value = '';
    ws.getRow(at + 1).getCell(1).value = '省发展改革委';
    const bad = new Uint8Array(await wb.xlsx.writeBuffer());
    await expect(core.call('counterparts:import', { fileName: '坏表.xlsx', bytes: bad })).rejects.toThrow(new RegExp(`第 ${at} 行 A 列（上级单位）为空[\\s\\S]*第 ${at + 1} 行 A 列：“省发展改革委”与第 \\d+ 行重复`));
  });
});

describe('分解 of all 150 seed tasks with the counterpart map, then report-up', () => {
  it('maps every role, lists the unmapped first, keeps the upper units visible, and still answers every upper row', async () => {
    const province = await office('湖南省七大攻坚工作专班办公室', '省', '');
    const county = await office(COUNTY.name, '县', COUNTY.parentName);
    try {
      await province.call('demo:load', {});
      const miluo = await province.unit('汨罗市');
      province.core.ctx.db.prepare("INSERT OR IGNORE INTO item_units(item_id, unit_id, role, sort) SELECT id, ?, 'resp', 99 FROM items WHERE kind = 'task'").run(miluo);
      const list = await province.exportList({ kind: 'task' });
      const period = await province.openPeriod('2025年第7期');
      const template = (await province.issue(period.id, ['汨罗市'])).get('汨罗市')!;

      await county.call('office:set', COUNTY);
      expect((await county.importList(list)).counts.new).toBe(150);
      const uppers = await county.tasks({ origin: 'upper' });
      const ids = uppers.map((u) => u.id);
      const before = await county.call('items:break-down-preview', { upperItemIds: ids });
      expect(before.mapped).toEqual([]);
      const suggested = (await county.call('counterparts:list', {})).rows;
      await county.call('counterparts:save', { rows: suggested.map((r) => ({ upperName: r.upperName, localName: r.localName })) });
      const preview = await county.call('items:break-down-preview', { upperItemIds: ids });
      const noLocal = suggested.filter((r) => r.localName === null).map((r) => r.upperName);
      expect(preview.unmapped.map((u) => u.upperName).sort()).toEqual(noLocal.filter((n) => preview.unmapped.some((u) => u.upperName === n)).sort());
      expect(preview.mapped.find((m) => m.upperName === '省发展改革委')?.localName).toBe('汨罗市发展和改革局');

      const split = await county.call('items:break-down', { upperItemIds: ids });
      expect(split.created).toBe(150);
      const local = new Map((await county.tasks({ origin: 'local' })).map((t) => [t.id, t]));
      const mapOf = new Map(suggested.map((r) => [r.upperName, r.localName ?? r.upperName]));
      const names = (s: string) => [...new Set(s.split('、').filter(Boolean).map((n) => mapOf.get(n) ?? n))].join('、');
      for (const it of split.items) {
        const up = uppers.find((u) => u.id === it.upperId)!;
        const mine = local.get(it.id)!;
        expect([mine.lead, mine.resp, mine.coop], up.code).toEqual([names(up.lead), names(up.resp), names(up.coop)]);
        const chain = await county.call('items:upper-chain', { id: it.id });
        expect(chain.steps.map((s) => s.itemId)).toEqual([up.id, it.id]);
        expect(chain.steps[0].lead).toBe(up.lead);
      }
      const jobs = split.items.find((i) => uppers.find((u) => u.id === i.upperId)!.lead.includes('省发展改革委'))!;
      expect(local.get(jobs.id)!.lead).toContain('汨罗市发展和改革局');

      const up = await county.call('reportup:fill', { fileName: template.name, bytes: template.bytes });
      expect(up.counts.rows).toBe(150);
      expect(up.counts.unmatched).toBe(0);
      expect(up.rows.every((r) => r.matchedBy === 'upper_uid')).toBe(true);
    } finally {
      province.close();
      county.close();
    }
  }, 120_000);
});
