import { describe, expect, it } from 'vitest';
import { fill, useReturnsCycle } from './exchange-fixture';

describe('returns — an edited hidden id and merged cells are said, never silently wrong (issue 13)', () => {
  const c = useReturnsCycle();

  const preview = async (bytes: Uint8Array<ArrayBuffer>) => (await c.core.call('returns:preview', { files: [{ name: '省商务厅.xlsx', bytes }] })).files[0];

  it('matches a row whose hidden id was edited by its 编号 and 名称, saying the 条目标识 was changed at that row, never 行被删除', async () => {
    let rowNo = 0;
    const bytes = await fill(c.template('省商务厅'), (e) => {
      rowNo = e.row(c.titles[0]);
      // the unit's edit puts the next row's id on the first row
      e.set(c.titles[0], '条目标识', e.ws.getCell(e.row(c.titles[1]), e.col('条目标识')).value);
      e.set(c.titles[0], '进展情况', '第一行的进展');
      e.set(c.titles[1], '进展情况', '第二行的进展');
      e.set(c.titles[2], '条目标识', 'not-an-id');
      e.set(c.titles[2], '进展情况', '第三行的进展');
    });
    const f = await preview(bytes);
    expect(f.rows.map((r) => [r.title, r.values.progressText])).toEqual([
      [c.titles[0], '第一行的进展'],
      [c.titles[1], '第二行的进展'],
      [c.titles[2], '第三行的进展'],
    ]);
    const edited = f.problems.filter((p) => p.message.includes('「条目标识」') && p.message.includes('改动过'));
    expect(edited).toHaveLength(2);
    expect(edited[0]).toMatchObject({ sheet: '填报表', row: rowNo, column: '条目标识', message: expect.stringContaining(c.titles[0]) });
    expect(edited[1].row).toBe(rowNo + 2);
    expect(f.problems.filter((p) => /行被删除|不见了|重复行/.test(p.message))).toEqual([]);
    expect(f.missingRows).toEqual([]);
  });

  it('reads a merged fill cell once, naming the merged range; merged across rows is flagged as ambiguous', async () => {
    let across = '';
    let wide = '';
    const letter = (n: number) => String.fromCharCode(64 + n);
    const bytes = await fill(c.template('省商务厅'), (e) => {
      const [r0, r1, r2] = [e.row(c.titles[0]), e.row(c.titles[1]), e.row(c.titles[3])];
      const text = e.col('进展情况');
      const problems = e.col('存在问题');
      e.set(c.titles[0], '进展情况', '两行合并填写的进展');
      e.ws.mergeCells(r0, text, r1, text);
      across = `${letter(text)}${r0}:${letter(text)}${r1}`;
      e.set(c.titles[3], '进展情况', '横向合并的进展与问题');
      e.ws.mergeCells(r2, text, r2, problems);
      wide = `${letter(text)}${r2}:${letter(problems)}${r2}`;
    });
    const f = await preview(bytes);
    const byTitle = (t: string) => f.rows.find((r) => r.title === t);
    expect(byTitle(c.titles[0])?.values.progressText).toBe('两行合并填写的进展');
    expect(byTitle(c.titles[3])?.values.progressText).toBe('横向合并的进展与问题');
    const merged = f.problems.filter((p) => p.message.includes('被合并'));
    expect(merged.map((p) => p.column)).toEqual([across, wide]);
    expect(merged[0]).toMatchObject({ level: 'warning', sheet: '填报表', message: expect.stringMatching(/第 \d+—\d+ 行「进展情况」的单元格 .* 被合并.*取消合并/) });
    expect(merged[1].message).toContain('「进展情况」');
  });
});
