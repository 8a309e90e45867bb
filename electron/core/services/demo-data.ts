import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/contract/errors';
import type { CoreContext } from '../context';
import { applyImport } from '../import/import-apply';
import type { ImportSet } from '../import/import-set';
import { parsePlanText } from '../import/plan-text/parse-plan-text';
import { createSettingsRepository } from '../repositories/settings-repository';
import { deriveTargets } from '../targets/derive-targets';
import { addSeedDocument } from './document-demo';

/** The seed plan (湖南省实施“七大攻坚”总体方案 and its 7 implementation plans) as an import set. */
export function seedImportSet(text: string): ImportSet {
  const parsed = parsePlanText(text, { file: 'seed-plan.txt' });
  return {
    source: '示例数据：湖南省实施“七大攻坚”总体方案',
    hash: createHash('sha256').update(text).digest('hex'),
    kind: 'task',
    origin: 'upper',
    plans: parsed.plans.map((p) => ({ ...p })),
    items: parsed.items,
    problems: parsed.problems,
  };
}

/** Loads the demo data into an empty database, as one undoable batch. */
export function loadDemoData(ctx: CoreContext) {
  const db = ctx.db;
  const existing = (db.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n;
  if (existing > 0) throw new AppError('conflict', `数据库中已有 ${existing} 个条目，示例数据只能载入空数据库`);
  const text = readFileSync(join(ctx.paths.resourcesDir, 'seed-plan.txt'), 'utf8');
  const settings = createSettingsRepository(db);
  const at = ctx.now().toISOString();
  db.transaction(() => {
    if (!settings.office().name) {
      settings.setOffice({ name: '汨罗市七大攻坚工作专班办公室', level: '县', region: '湖南省岳阳市汨罗市', parentName: '岳阳市七大攻坚工作专班办公室' }, at);
    }
    applyImport(db, seedImportSet(text), { operator: settings.settings().operator, at, batchKind: 'seed' });
    deriveTargets(db, null);
    addSeedDocument(db, text, at);
  })();
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  return {
    plans: count('SELECT count(*) AS n FROM plans'),
    sections: count('SELECT count(*) AS n FROM sections'),
    items: count('SELECT count(*) AS n FROM items'),
    units: count('SELECT count(*) AS n FROM units'),
  };
}
