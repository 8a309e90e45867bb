import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore } from '../helpers';
import { PERIOD, type TestCore } from './exchange-fixture';

/** Data rows of a template as a unit opens it: rows under the header with an item id. */
async function fileRows(bytes: Uint8Array): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet('填报表')!;
  const idCol = (ws.getRow(4).values as unknown[]).indexOf('条目标识');
  let n = 0;
  for (let r = 5; r <= ws.rowCount; r++) {
    const cell = ws.getCell(r, idCol);
    if (!cell.isMerged && String(cell.value ?? '').trim()) n++;
  }
  return n;
}

describe('templates — the counts shown before 下发 are what the files hold; one zip of them (issue 13)', () => {
  let core: TestCore;
  let periodId: number;

  beforeEach(async () => {
    core = makeCore();
    await core.call('demo:load', {});
    periodId = (await core.call('periods:open', PERIOD)).id;
  });
  afterEach(() => core.close());

  for (const includeCoop of [false, true]) {
    it(`gives each unit the number of rows its file holds, and no file to a unit with none (含配合 ${includeCoop ? '是' : '否'})`, async () => {
      const counts = await core.call('templates:counts', { includeCoop });
      const withRows = counts.filter((c) => c.rows > 0);
      if (!includeCoop) expect(counts.some((c) => c.rows === 0 && c.coopOnly > 0)).toBe(true);
      const issued = await core.call('templates:issue', { periodId, includeCoop, unitIds: counts.map((c) => c.unitId) });
      expect(issued.files.map((f) => f.unitName)).toEqual(withRows.map((c) => c.unitName));
      for (const f of issued.files) {
        const shown = withRows.find((c) => c.unitName === f.unitName)!.rows;
        expect([f.unitName, f.rows, await fileRows(f.bytes!)]).toEqual([f.unitName, shown, shown]);
      }
    });
  }

  it('answers one zip named after the period with one valid template per unit', async () => {
    const counts = (await core.call('templates:counts', {})).filter((c) => c.rows > 0);
    const issued = await core.call('templates:issue', { periodId, zip: true });
    expect(issued.zip?.fileName).toBe(`${PERIOD.name}_填报模板.zip`);
    expect(issued.files.every((f) => f.bytes === undefined)).toBe(true);
    const entries = unzipSync(issued.zip!.bytes);
    expect(Object.keys(entries).sort()).toEqual(counts.map((c) => `${PERIOD.name}_${c.unitName}_填报模板.xlsx`).sort());
    for (const c of counts) expect(await fileRows(entries[`${PERIOD.name}_${c.unitName}_填报模板.xlsx`])).toBe(c.rows);
    // each entry is read back as this office's template of that unit (untouched: 退回空表)
    const back = await core.call('returns:preview', { files: Object.entries(entries).map(([name, bytes]) => ({ name, bytes: new Uint8Array(bytes) })) });
    expect(back.counts).toMatchObject({ files: counts.length, blankFiles: counts.length, errors: 0 });
  });
});
