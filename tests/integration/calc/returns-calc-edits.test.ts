import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { describeCalc, runCalc, type CalcJob, type CalcOp, type CalcResult } from '../../calc/calc-client';
import type { TestCore } from '../helpers';
import { fill } from '../exchange/exchange-fixture';
import { issuedCycle, type IssuedCycle } from './calc-fixture';

const FORMATS = ['xlsx', 'xls', 'ods'] as const;
type Format = (typeof FORMATS)[number];

/** The edits units make in their spreadsheet program, each with the typing that makes it a report. */
function edits(t: string[], uid: (title: string) => string): Record<string, CalcOp[]> {
  const progress = (row: string, text: string): CalcOp => ({ op: 'type', row, col: '进展情况', text });
  return {
    insertRow: [{ op: 'unprotect' }, progress(t[0], '已推进'), { op: 'insert_row', before: t[3], cells: { 编号: '99', 名称: '单位自己加的一行', 进展情况: '新增工作' } }],
    deleteRow: [{ op: 'unprotect' }, progress(t[0], '已推进'), { op: 'delete_row', row: t[2] }],
    sortRows: [{ op: 'unprotect' }, progress(t[0], '已推进'), { op: 'type', row: t[1], col: '完成比例(%)', text: '30' }, { op: 'sort', col: '名称', descending: true }],
    addColumn: [{ op: 'unprotect' }, { op: 'add_column', after: '状态', header: '备注', cells: { [t[0]]: '单位备注' } }, progress(t[0], '已推进')],
    lockedCells: [{ op: 'unprotect' }, progress(t[0], '已推进'), { op: 'type', row: t[0], col: '完成时限', text: '2099年底前' }, { op: 'type', row: t[1], col: '主要内容', text: '单位改写的主要内容' }],
    idColumn: [
      { op: 'unprotect' }, { op: 'unhide_col', col: '条目标识' },
      progress(t[1], '第二项进展'), progress(t[2], '第三项进展'),
      { op: 'type', row: t[1], col: '条目标识', text: 'abc-改过的标识' },
      { op: 'type', row: t[2], col: '条目标识', text: uid(t[3]) },
    ],
    mergeCells: [{ op: 'unprotect' }, progress(t[0], '两项合并填写的进展'), progress(t[1], '被合并盖住的文字'), { op: 'merge', rows: [t[0], t[1]], col: '进展情况' }],
    metaLost: [progress(t[0], '已推进'), { op: 'remove_sheet', name: '_meta' }],
    vagueRatio: [progress(t[0], '已推进'), progress(t[1], '已推进'), { op: 'type', row: t[0], col: '完成比例(%)', text: '约60%' }, { op: 'type', row: t[1], col: '完成比例(%)', text: '过半' }],
  };
}

describeCalc('returns edited by the unit in LibreOffice Calc (issue 12)', () => {
  let cycle: IssuedCycle;
  let calc: Record<string, CalcResult>;
  const uids = new Map<string, string>();
  const cores: TestCore[] = [];
  afterEach(() => cores.splice(0).forEach((c) => c.close()));

  beforeAll(async () => {
    cycle = await issuedCycle();
    const bytes = cycle.template('省商务厅');
    await fill(bytes, (e) => cycle.titles.forEach((t) => uids.set(t, String(e.ws.getCell(e.row(t), e.col('条目标识')).value))));
    const jobs: CalcJob[] = Object.entries(edits(cycle.titles, (t) => uids.get(t)!)).map(([name, ops]) => ({ name, bytes, sheet: '填报表', ops, formats: [...FORMATS] }));
    calc = await runCalc(jobs);
  }, 300_000);

  /** Previews and applies one edited file in a fresh copy of the issued database. */
  async function importEdited(edit: string, format: Format) {
    const core = cycle.fresh();
    cores.push(core);
    const files = [{ name: `省商务厅.${format}`, bytes: calc[edit].files[format]! }];
    const f = (await core.call('returns:preview', { files })).files[0];
    const items = () => new Map(core.ctx.db.prepare('SELECT title, deadline_text, content, status, progress, progress_note FROM items').all().map((r) => [(r as { title: string }).title, r]));
    const before = items();
    await core.call('returns:apply', { files });
    const after = items();
    const reports = core.ctx.db
      .prepare('SELECT i.title, r.progress_text AS text, r.completion_ratio AS ratio FROM reports r JOIN items i ON i.id = r.item_id ORDER BY i.title')
      .all() as { title: string; text: string; ratio: number | null }[];
    const changedItems = [...after].filter(([t, r]) => JSON.stringify(r) !== JSON.stringify(before.get(t))).map(([t]) => t).sort();
    const messages = (level: string) => f.problems.filter((p) => p.level === level).map((p) => [p.row, p.message]);
    return { f, reports, changedItems, messages, before, after };
  }

  const byTitle = (rows: { title: string; text: string; ratio: number | null }[]) => Object.fromEntries(rows.map((r) => [r.title, [r.text, r.ratio]]));
  const noLockedWarning = (f: { problems: { message: string }[] }) => expect(f.problems.filter((p) => p.message.includes('锁定'))).toEqual([]);

  for (const format of FORMATS) {
    describe(`saved as .${format}`, () => {
      it('an inserted row is named as not in the template and not imported; the rest arrives', async () => {
        const t = cycle.titles;
        const r = await importEdited('insertRow', format);
        expect(r.messages('error')).toEqual([[8, expect.stringContaining('新增行（单位自己加的一行）')]]);
        expect(r.messages('warning')).toEqual([]);
        expect(byTitle(r.reports)).toEqual({ [t[0]]: ['已推进', 0] });
        expect(r.changedItems).toEqual([t[0]]);
      });

      it('a deleted row is named as deleted (not reported); the rest arrives', async () => {
        const t = cycle.titles;
        const r = await importEdited('deleteRow', format);
        expect(r.messages('error')).toEqual([]);
        expect(r.messages('warning')).toEqual([[null, expect.stringMatching(new RegExp(`「[\\d-]* ?${t[2]}」在回收文件中不见了（行被删除）`))]]);
        expect(byTitle(r.reports)).toEqual({ [t[0]]: ['已推进', 0] });
      });

      it('sorted rows still go to their own items, with no problem', async () => {
        const t = cycle.titles;
        const r = await importEdited('sortRows', format);
        expect(r.f.problems.filter((p) => p.level !== 'info')).toEqual([]);
        expect(byTitle(r.reports)).toEqual({ [t[0]]: ['已推进', 0], [t[1]]: ['', 30] });
        expect(r.changedItems).toEqual([t[0], t[1]].sort());
      });

      it('an inserted column is read around (columns found by their labels), its text is not imported', async () => {
        const t = cycle.titles;
        const r = await importEdited('addColumn', format);
        expect(r.messages('error')).toEqual([]);
        expect(r.messages('warning').every(([, m]) => String(m).includes('列的位置被移动过，已按列名读取'))).toBe(true);
        noLockedWarning(r.f);
        expect(byTitle(r.reports)).toEqual({ [t[0]]: ['已推进', 0] });
        expect(JSON.stringify(r.reports)).not.toContain('单位备注');
      });

      it('locked cells edited after unprotecting are named with row and column and ignored', async () => {
        const t = cycle.titles;
        const r = await importEdited('lockedCells', format);
        expect(r.f.problems.filter((p) => p.level !== 'info').map((p) => [p.level, p.row, p.column])).toEqual([
          ['warning', 5, 'H（完成时限）'],
          ['warning', 6, 'E（主要内容）'],
        ]);
        expect(r.messages('warning').every(([, m]) => String(m).startsWith('锁定的'))).toBe(true);
        expect(byTitle(r.reports)).toEqual({ [t[0]]: ['已推进', 0] });
        expect(r.after.get(t[0])).toMatchObject({ deadline_text: (r.before.get(t[0]) as { deadline_text: string }).deadline_text });
        expect(r.after.get(t[1])).toEqual(r.before.get(t[1]));
      });

      it('an edited hidden id is named, and the row goes by its 编号 and 名称 — never onto another item', async () => {
        const t = cycle.titles;
        const r = await importEdited('idColumn', format);
        expect(r.messages('error')).toEqual([]);
        expect(r.messages('warning')).toEqual([
          [6, expect.stringContaining('隐藏的「条目标识」被改动过')],
          [7, expect.stringContaining(`隐藏的「条目标识」指向「${t[3]}」，与本行的编号和名称「${t[2]}」不符`)],
        ]);
        noLockedWarning(r.f);
        expect(byTitle(r.reports)).toEqual({ [t[1]]: ['第二项进展', 0], [t[2]]: ['第三项进展', 0] });
        expect(r.after.get(t[3])).toEqual(r.before.get(t[3]));
      });

      it('merged fill cells are named: only the top-left text is read, the covered row is not reported', async () => {
        const t = cycle.titles;
        const r = await importEdited('mergeCells', format);
        expect(r.messages('warning')).toEqual([[5, expect.stringContaining('第 5—6 行「进展情况」的单元格 M5:M6 被合并')]]);
        expect(byTitle(r.reports)).toEqual({ [t[0]]: ['两项合并填写的进展', 0] });
        expect(r.after.get(t[1])).toEqual(r.before.get(t[1]));
      });

      it('a file whose hidden _meta sheet was lost is recognised by its hidden id column, with a note', async () => {
        const t = cycle.titles;
        const r = await importEdited('metaLost', format);
        expect(r.f.problems.filter((p) => p.level !== 'info').map((p) => [p.level, p.message])).toEqual([
          ['warning', expect.stringContaining('隐藏的 _meta 工作表已丢失（可能被另存或删除），已按隐藏的「条目标识」列认出是「省商务厅」「2025年第5期」的模板')],
        ]);
        expect(r.f).toMatchObject({ ok: true, unitNames: ['省商务厅'] });
        expect(byTitle(r.reports)).toEqual({ [t[0]]: ['已推进', 0] });
        expect(r.changedItems).toEqual([t[0]]);
      });

      it('约60% is read as 60 with a note; 过半 is refused for 完成比例 and the item keeps its progress', async () => {
        const t = cycle.titles;
        const r = await importEdited('vagueRatio', format);
        expect(r.f.problems.filter((p) => p.level !== 'info').map((p) => [p.level, p.row, p.column, p.message])).toEqual([
          ['warning', 5, 'K（完成比例(%)）', expect.stringContaining('约60%')],
          ['error', 6, 'K（完成比例(%)）', expect.stringContaining('「过半」不是确切的数字')],
        ]);
        expect(r.after.get(t[0])).toMatchObject({ progress: 60 });
        expect((r.after.get(t[1]) as { progress: number }).progress).toBe((r.before.get(t[1]) as { progress: number }).progress);
      });
    });
  }
});
