import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeCore } from '../helpers';
import { SAMPLE_EXPECTED, sampleFile, storedDrafts } from './stored';

describe('the sample workbook through preview and apply', () => {
  it('previews every sheet with its mapping, then stores exactly the expected items and units', async () => {
    const core = makeCore();
    const expected = JSON.parse(readFileSync(SAMPLE_EXPECTED, 'utf8')) as unknown[];
    const preview = await core.call('imports:preview', { files: [sampleFile()] });
    expect(preview.errors).toBe(0);
    expect(preview.counts).toEqual({ new: expected.length, changed: 0, unchanged: 0, duplicate: 0 });
    const [file] = preview.files;
    expect(file.sheets.map((s) => s.plans[0].title)).toEqual(['内需扩量提效攻坚实施方案', '产业育新培强攻坚实施方案']);
    expect(file.sheets[0].columns.map((c) => `${c.letter}:${c.header}→${c.field}`)).toContain('D:牵头单位→lead');
    expect(file.sheets[0].items[0]).toMatchObject({ title: '推动增收减负', deadlineText: '2025年6月底前', deadlineDate: '2025-06-30', status: 'new' });
    const units = preview.unknownUnits.map((u) => u.name);
    expect(units).toContain('省人力资源社会保障厅');

    const res = await core.call('imports:apply', { files: [sampleFile()] });
    expect(res.batchId).not.toBeNull();
    expect(res.counts).toMatchObject({ new: expected.length, changed: 0, plans: 2 });
    expect(storedDrafts(core.ctx.db)).toEqual(expected);
    expect((await core.call('imports:batches', {}))[0]).toMatchObject({ id: res.batchId, fileName: 'province-tasks-A.xlsx', kind: 'import' });
    core.close();
  });
});
