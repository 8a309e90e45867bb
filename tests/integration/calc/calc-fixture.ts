import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCore, type TestCore } from '../helpers';
import { cycleCore, templateTitles } from '../exchange/exchange-fixture';

/**
 * One issued cycle (demo data, an open period, templates for 省商务厅 and 省科技厅) kept as a
 * database file, so each test opens its own copy while Calc fills the templates only once.
 */
export interface IssuedCycle {
  /** A fresh core over a copy of the issued database. */
  fresh(): TestCore;
  template(unit: string): Uint8Array<ArrayBuffer>;
  titles: string[];
  periodId: number;
}

export async function issuedCycle(): Promise<IssuedCycle> {
  const { core, template, period } = await cycleCore();
  const titles = await templateTitles(template('省商务厅'));
  const saved = join(mkdtempSync(join(tmpdir(), 'qd-calc-db-')), 'qingdan.sqlite');
  core.ctx.db.exec(`VACUUM INTO '${saved}'`);
  const templates = new Map(['省商务厅', '省科技厅'].map((u) => [u, template(u)]));
  core.close();
  return {
    fresh() {
      const dir = mkdtempSync(join(tmpdir(), 'qd-calc-int-'));
      copyFileSync(saved, join(dir, 'qingdan.sqlite'));
      return makeCore({ dir });
    },
    template: (unit) => templates.get(unit)!,
    titles,
    periodId: period.id,
  };
}
