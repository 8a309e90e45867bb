import { describe, expect, it } from 'vitest';
import { fill, useReturnsCycle } from './exchange-fixture';

describe('returns — the _meta identity wherever the program kept it (issue 12)', () => {
  const c = useReturnsCycle();

  for (const state of ['visible', 'hidden', 'veryHidden'] as const) {
    it(`reads a return whose _meta sheet is ${state}`, async () => {
      const bytes = await fill(c.template('省商务厅'), (e) => {
        e.set(c.titles[0], '进展情况', '已推进');
        e.ws.workbook.getWorksheet('_meta')!.state = state;
      });
      const f = (await c.core.call('returns:preview', { files: [{ name: 'a.xlsx', bytes }] })).files[0];
      expect(f).toMatchObject({ ok: true, unitNames: ['省商务厅'], counts: { newReports: 1, errors: 0, warnings: 0 } });
    });
  }

  it('without _meta and without ids that match an issued template, says it is not a template of this office', async () => {
    const bytes = await fill(c.template('省商务厅'), (e) => {
      e.ws.workbook.removeWorksheet(e.ws.workbook.getWorksheet('_meta')!.id);
      for (const t of c.titles) e.set(t, '条目标识', `x-${t}`);
    });
    const f = (await c.core.call('returns:preview', { files: [{ name: 'a.xlsx', bytes }] })).files[0];
    expect(f.ok).toBe(false);
    expect(f.problems).toEqual([expect.objectContaining({ level: 'error', file: 'a.xlsx', message: expect.stringContaining('不是清单通下发的填报模板') })]);
  });
});
