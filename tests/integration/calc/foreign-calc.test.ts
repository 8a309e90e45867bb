import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { describeCalc, runCalc, type CalcResult } from '../../calc/calc-client';
import { makeCore, type TestCore } from '../helpers';
import { SAMPLE, SAMPLE_EXPECTED, storedDrafts } from '../import/stored';

type Draft = ReturnType<typeof storedDrafts>[number];

describeCalc('a foreign list re-saved by LibreOffice Calc imports as the original (issue 12)', () => {
  let calc: Record<string, CalcResult>;
  let expected: Draft[];
  const cores: TestCore[] = [];
  afterEach(() => cores.splice(0).forEach((c) => c.close()));

  beforeAll(async () => {
    expected = JSON.parse(readFileSync(SAMPLE_EXPECTED, 'utf8')) as Draft[];
    calc = await runCalc([{ name: 'sample', bytes: new Uint8Array(readFileSync(SAMPLE)), formats: ['xls', 'ods', 'csv'] }]);
  }, 300_000);

  async function imported(name: string, bytes: Uint8Array<ArrayBuffer>) {
    const core = makeCore();
    cores.push(core);
    const preview = await core.call('imports:preview', { files: [{ name, bytes }] });
    const res = await core.call('imports:apply', { files: [{ name, bytes }] });
    return { preview, res, stored: storedDrafts(core.ctx.db) };
  }

  for (const format of ['xls', 'ods'] as const) {
    it(`the sample saved as .${format} gives exactly the items of the .xlsx`, async () => {
      const { preview, stored } = await imported(`province-tasks-A.${format}`, calc.sample.files[format]!);
      expect(preview.errors).toBe(0);
      expect(preview.counts).toEqual({ new: expected.length, changed: 0, unchanged: 0, duplicate: 0 });
      expect(stored).toEqual(expected);
    });
  }

  it('its first sheet saved as .csv gives the items of that sheet', async () => {
    const { preview, stored } = await imported('province-tasks-A.csv', calc.sample.files.csv!);
    expect(preview.errors).toBe(0);
    const firstPlan = expected.filter((d) => d.plan === expected[0].plan);
    expect(stored.map((d) => [d.no, d.title, d.content, d.lead, d.coop, d.resp])).toEqual(firstPlan.map((d) => [d.no, d.title, d.content, d.lead, d.coop, d.resp]));
  });
});
