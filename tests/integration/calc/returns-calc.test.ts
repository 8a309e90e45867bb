import { afterEach, beforeAll, expect, it } from 'vitest';
import { describeCalc, runCalc, type CalcOp, type CalcResult } from '../../calc/calc-client';
import { dumpTables, type TestCore } from '../helpers';
import { fill } from '../exchange/exchange-fixture';
import { issuedCycle, type IssuedCycle } from './calc-fixture';

const FORMATS = ['xlsx', 'xls', 'ods'] as const;
const TABLES = ['items', 'item_units', 'reports', 'units', 'plans', 'sections'];

/** What the unit types in Calc, row by row (rows 0–2 of its template); the rest stays as issued. */
const typing = (t: string[]): CalcOp[] => [
  { op: 'status', row: t[0], pick: 1 },
  { op: 'type', row: t[0], col: '完成比例(%)', text: '45' },
  { op: 'type', row: t[0], col: '进展情况', text: '已完成项目招标，正在施工' },
  { op: 'status', row: t[1], pick: 2 },
  { op: 'type', row: t[1], col: '完成比例(%)', text: '100' },
  { op: 'type', row: t[1], col: '完成值', text: '12.5' },
  { op: 'type', row: t[1], col: '存在问题', text: '资金到位偏慢' },
  { op: 'type', row: t[2], col: '进展情况', text: '按计划推进' },
  { op: 'type', row: t[2], col: '下步计划', text: '12月底前完成验收' },
];

describeCalc('returns filled and saved in LibreOffice Calc (issue 12)', () => {
  let cycle: IssuedCycle;
  let calc: Record<string, CalcResult>;
  const cores: TestCore[] = [];
  const fresh = () => {
    const c = cycle.fresh();
    cores.push(c);
    return c;
  };
  afterEach(() => cores.splice(0).forEach((c) => c.close()));

  beforeAll(async () => {
    cycle = await issuedCycle();
    const bytes = cycle.template('省商务厅');
    calc = await runCalc([
      { name: 'filled', bytes, sheet: '填报表', ops: typing(cycle.titles), formats: [...FORMATS] },
      { name: 'unchanged', bytes, formats: [...FORMATS] },
      { name: 'password', bytes, sheet: '填报表', ops: typing(cycle.titles), formats: ['xls'], password: 'mima123' },
    ]);
  }, 300_000);

  /** The same typing done straight into the .xlsx (ExcelJS): what the database must end up as. */
  async function expected(): Promise<Record<string, unknown[]>> {
    const t = cycle.titles;
    const bytes = await fill(cycle.template('省商务厅'), (e) => {
      e.set(t[0], '状态', '推进中');
      e.set(t[0], '完成比例(%)', 45);
      e.set(t[0], '进展情况', '已完成项目招标，正在施工');
      e.set(t[1], '状态', '已完成');
      e.set(t[1], '完成比例(%)', 100);
      e.set(t[1], '完成值', 12.5);
      e.set(t[1], '存在问题', '资金到位偏慢');
      e.set(t[2], '进展情况', '按计划推进');
      e.set(t[2], '下步计划', '12月底前完成验收');
    });
    const core = fresh();
    await core.call('returns:apply', { files: [{ name: '省商务厅.xlsx', bytes }] });
    return dumpTables(core.ctx, TABLES);
  }

  it('picks the status from the dropdown the template carries', () => {
    expect(calc.filled.picked).toEqual({ [cycle.titles[0]]: '推进中', [cycle.titles[1]]: '已完成' });
  });

  for (const format of FORMATS) {
    it(`a .${format} saved by Calc brings exactly the typed values, nothing else, and re-importing is a no-op`, async () => {
      const core = fresh();
      const files = [{ name: `省商务厅.${format}`, bytes: calc.filled.files[format]! }];
      const p = await core.call('returns:preview', { files, periodId: cycle.periodId });
      const f = p.files[0];
      expect(f.problems.filter((x) => x.level !== 'info')).toEqual([]);
      expect(f).toMatchObject({ ok: true, blank: false, unitNames: ['省商务厅'], conflicts: [] });
      expect(p.counts).toMatchObject({ files: 1, okFiles: 1, rows: 3, newReports: 3, conflicts: 0, errors: 0, warnings: 0 });
      expect(f.rows.map((r) => [r.title, r.values])).toEqual([
        [cycle.titles[0], expect.objectContaining({ status: '推进中', ratio: '45', progressText: '已完成项目招标，正在施工' })],
        [cycle.titles[1], expect.objectContaining({ status: '已完成', ratio: '100', value: '12.5', problems: '资金到位偏慢' })],
        [cycle.titles[2], expect.objectContaining({ progressText: '按计划推进', nextSteps: '12月底前完成验收' })],
      ]);
      const res = await core.call('returns:apply', { files });
      expect(res.counts).toMatchObject({ newReports: 3, keptMine: 0, tookTheirs: 0 });
      const after = dumpTables(core.ctx, TABLES);
      expect(after).toEqual(await expected());

      const again = await core.call('returns:preview', { files });
      expect(again.counts).toMatchObject({ newReports: 0, changedReports: 0, itemUpdates: 0, conflicts: 0, errors: 0 });
      const second = await core.call('returns:apply', { files });
      expect(second).toMatchObject({ batchId: null, counts: { newReports: 0, changedReports: 0, itemUpdates: 0 } });
      expect(dumpTables(core.ctx, TABLES)).toEqual(after);
    });

    it(`a template re-saved unchanged as .${format} is 退回空表 and writes nothing`, async () => {
      const core = fresh();
      const before = dumpTables(core.ctx, [...TABLES, 'import_batches', 'change_log']);
      const files = [{ name: `省商务厅-原样.${format}`, bytes: calc.unchanged.files[format]! }];
      const p = await core.call('returns:preview', { files });
      expect(p.counts).toMatchObject({ files: 1, blankFiles: 1, okFiles: 0, rows: 0, newReports: 0, conflicts: 0 });
      expect(p.files[0].problems.map((x) => x.message).join('\n')).toContain('退回空表');
      expect(p.files[0].problems.filter((x) => x.level === 'error' || x.message.includes('锁定'))).toEqual([]);
      const res = await core.call('returns:apply', { files });
      expect(res).toMatchObject({ batchId: null, counts: { newReports: 0, itemUpdates: 0 } });
      expect(dumpTables(core.ctx, [...TABLES, 'import_batches', 'change_log'])).toEqual(before);
    });
  }

  it('an .xls saved with an open password is refused as encrypted (the protected sheets alone are not), naming the file', async () => {
    const core = fresh();
    const files = [{ name: '省商务厅-加密.xls', bytes: calc.password.files.xls! }];
    const p = await core.call('returns:preview', { files });
    for (const [i, f] of p.files.entries()) {
      expect(f).toMatchObject({ ok: false, rows: [] });
      expect(f.problems).toEqual([expect.objectContaining({ level: 'error', file: files[i].name, message: expect.stringContaining('设置了打开密码') })]);
      expect(f.problems[0].message).toContain('工作表保护不必取消');
    }
  });
});
