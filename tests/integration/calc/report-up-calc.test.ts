import { unzipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { readTemplateRows } from '../../../electron/core/excel/fill-template';
import { describeCalc, runCalc, type CalcResult } from '../../calc/calc-client';
import { cycleFixture } from '../cycle-fixture';
import { dumpTables, makeCore, type TestCore } from '../helpers';
import { pageCount, toPdf, toPng } from '../exchange/libreoffice';
import { issuedCycle, type IssuedCycle } from './calc-fixture';

/** The parts of an .xlsx as text, by sheet name (via workbook.xml and its relationships). */
function sheetXml(bytes: Uint8Array): { sheets: Record<string, string>; styles: string } {
  const files = unzipSync(bytes);
  const text = (n: string) => new TextDecoder().decode(files[n]);
  const rels = Object.fromEntries([...text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const relsAlt = Object.fromEntries([...text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship [^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"/g)].map((m) => [m[2], m[1]]));
  const sheets: Record<string, string> = {};
  for (const m of text('xl/workbook.xml').matchAll(/<sheet [^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"/g)) {
    const target = (rels[m[2]] ?? relsAlt[m[2]]).replace(/^\/?(xl\/)?/, '');
    sheets[m[1]] = text(`xl/${target}`);
  }
  return { sheets, styles: text('xl/styles.xml') };
}

/** Whether cell `ref`'s style unlocks it (protection locked="0" or "false"). */
function unlocked(x: { sheets: Record<string, string>; styles: string }, sheet: string, ref: string): boolean {
  const s = Number(new RegExp(`<c r="${ref}"[^>]*? s="(\\d+)"`).exec(x.sheets[sheet])?.[1] ?? 0);
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(x.styles)![1].match(/<xf [^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)!;
  return /<protection [^>]*locked="(0|false)"/.test(xfs[s]);
}

describeCalc('report-up on an upper template saved by LibreOffice Calc (issue 13.6)', () => {
  let city: IssuedCycle;
  let county: TestCore;
  let calc: Record<string, CalcResult>;
  let direct: Uint8Array<ArrayBuffer>;
  const cores: TestCore[] = [];
  afterEach(() => cores.splice(0).forEach((c) => c.close()));
  afterAll(() => county?.close());

  beforeAll(async () => {
    city = await issuedCycle();
    const template = city.template('省商务厅');
    county = makeCore();
    const k = cycleFixture(county);
    const bureau = await k.unit('县商务局');
    const rows = (await readTemplateRows(template, 'city.xlsx')).rows;
    for (const [i, r] of rows.slice(0, 3).entries()) {
      const id = await k.item({ title: r.title, lead: [bureau] });
      k.db.prepare("UPDATE items SET origin = 'upper', code = ?, upper_uid = ? WHERE id = ?").run(r.code, r.uid, id);
      await county.call('items:update', { id, fields: { status: i === 2 ? 'done' : 'in_progress', progress: 30 + i * 35, progressNote: `县里第${i + 1}项进展` } });
    }
    direct = (await county.call('reportup:fill', { fileName: 'city.xlsx', bytes: template })).bytes;
    calc = await runCalc([
      { name: 'template', bytes: template, formats: ['xlsx', 'xls'] },
      { name: 'filled', bytes: direct, formats: ['xls', 'ods'] },
    ]);
  }, 300_000);

  it('keeps the protection of both sheets, the unlocked fill cells and fit-to-width of a Calc-saved template', async () => {
    const saved = calc.template.files.xlsx!;
    expect(sheetXml(saved).sheets['填报表']).toContain('<sheetProtection sheet="true"');
    const r = await county.call('reportup:fill', { fileName: '上级模板.xlsx', bytes: saved });
    expect(r.counts).toMatchObject({ filled: 3 });
    const x = sheetXml(r.bytes);
    for (const name of ['填报说明', '填报表']) expect(x.sheets[name]).toMatch(/<sheetProtection [^>]*sheet="(1|true)"/);
    const table = x.sheets['填报表'];
    expect(table).toMatch(/<pageSetUpPr [^>]*fitToPage="(1|true)"/);
    expect(table).toMatch(/<pageSetup [^>]*fitToWidth="1"/);
    expect(table).toMatch(/<pageSetup [^>]*fitToHeight="0"/);
    // J..O are the fill columns (状态 … 下步计划) of every data row; A..I stay locked.
    const { meta } = await readTemplateRows(r.bytes, 'r.xlsx');
    const layout = meta.sheets[0];
    for (let row = layout.firstDataRow; row <= layout.lastDataRow; row++) {
      for (const col of ['J', 'K', 'L', 'M', 'N', 'O']) expect(unlocked(x, '填报表', `${col}${row}`), `${col}${row}`).toBe(true);
      for (const col of ['A', 'D', 'H']) expect(unlocked(x, '填报表', `${col}${row}`), `${col}${row}`).toBe(false);
    }
    const filled = (await readTemplateRows(r.bytes, 'r.xlsx')).rows.slice(0, 3).map((t) => t.title);
    expect(filled).toEqual((await readTemplateRows(direct, 'd.xlsx')).rows.slice(0, 3).map((t) => t.title));
  });

  it('prints the filled Calc-saved template on about as many pages as the template itself (fit to width kept)', async () => {
    const r = await county.call('reportup:fill', { fileName: '上级模板.xlsx', bytes: calc.template.files.xlsx! });
    const pdf = toPdf({ 'calc-template': city.template('省商务厅'), 'calc-template-filled': r.bytes });
    const [before, after] = [pageCount(pdf['calc-template']), pageCount(pdf['calc-template-filled'])];
    toPng(pdf['calc-template-filled'], 2);
    expect(before).toBeGreaterThan(0);
    expect(Math.abs(after - before)).toBeLessThanOrEqual(1);
  }, 180_000);

  it('refuses a template Calc saved as .xls, telling the clerk to save it as .xlsx', async () => {
    await expect(county.call('reportup:fill', { fileName: '上级模板.xls', bytes: calc.template.files.xls! })).rejects.toThrow(/「上级模板\.xls」不是 \.xlsx 格式.*另存为 \.xlsx/);
  });

  for (const format of ['xls', 'ods'] as const) {
    it(`a report-up file re-saved by Calc as .${format} comes into the upper office as the same return`, async () => {
      const [a, b] = [city.fresh(), city.fresh()];
      cores.push(a, b);
      const want = await a.call('returns:apply', { files: [{ name: '县.xlsx', bytes: direct }] });
      const files = [{ name: `县.${format}`, bytes: calc.filled.files[format]! }];
      const p = await b.call('returns:preview', { files });
      expect(p.files[0].problems.filter((x) => x.level !== 'info')).toEqual([]);
      expect(p.counts).toMatchObject({ newReports: want.counts.newReports, conflicts: 0 });
      const got = await b.call('returns:apply', { files });
      expect(got.counts).toEqual(want.counts);
      expect(dumpTables(b.ctx, ['items', 'reports'])).toEqual(dumpTables(a.ctx, ['items', 'reports']));
    });
  }
});
