import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../../electron/core/context';
import { summaryIds } from '../../../electron/core/exchange/summary-rows';
import { indexedKeyword } from '../../../electron/core/exchange/summary-keyword';
import type { SummaryQuery } from '../../../shared/contract/schemas/summary';
import { cycleCore, fill, PERIOD, templateTitles, type TestCore } from './exchange-fixture';

/** A small seeded generator, so a failure names the same keywords again. */
function rng(seed: number) {
  let a = seed >>> 0;
  return (n: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

/**
 * Keywords of 1–4 characters: pieces of every text the 汇总表 shows (titles, contents, reports, unit names,
 * 编号, own 进展情况; punctuation included as it falls), some upper-cased, and characters nothing holds.
 */
function keywords(core: TestCore, seed: number, count: number): string[] {
  const db = core.ctx.db;
  const texts = [
    ...(db.prepare("SELECT title || '|' || content || '|' || progress_note || '|' || code FROM items").pluck().all() as string[]),
    ...(db.prepare("SELECT progress_text || '|' || problems || '|' || next_steps FROM reports").pluck().all() as string[]),
    ...(db.prepare('SELECT name FROM units').pluck().all() as string[]),
  ].filter((t) => t.replace(/\|/g, '').length > 0);
  const pick = rng(seed);
  const out = new Set<string>(['1-1', '推进', 'ABC', 'abc', '，', '。推', '厅、省', '：', 'x', '量子', '鑫', 'Zq', '进展情况', '鑫垚', '垚工', '自填进展', '程第3', 'ok', '，ok']);
  while (out.size < count) {
    const t = [...texts[pick(texts.length)]];
    const len = 1 + pick(4);
    const at = pick(Math.max(1, t.length - len + 1));
    const k = t.slice(at, at + len).join('').replace(/\|/g, '').trim();
    if (!k) continue;
    out.add(pick(5) === 0 ? k.toUpperCase() : k);
    if (pick(6) === 0) out.add(String.fromCharCode(0x4e00 + pick(0x5000)));
  }
  return [...out];
}

// The keyword filter from the indexes (summary-keyword.ts) against the scan it replaces (summary-scan.ts),
// for hundreds of keywords, alone and with every other filter, paged, after every kind of write.
describe('汇总表 keyword from the indexes equals the scan', () => {
  let core: TestCore;
  let periodId: number;
  let today: string;
  let unitIds: number[];
  let template: (unit: string) => Uint8Array<ArrayBuffer>;

  /** Every keyword both ways, whole; a quarter of them also by kind, status and unit, and a page. */
  function sameForKeywords(seed: number, period = periodId) {
    let indexed = 0;
    let found = 0;
    const ks = keywords(core, seed, 100);
    ks.forEach((keyword, n) => {
      const qs: SummaryQuery[] = [{ periodId: period, keyword }];
      if (n % 4 === 0)
        qs.push(
          { periodId: period, keyword, kind: 'task', statuses: ['in_progress', 'done'] },
          { periodId: period, keyword, statuses: ['not_started'] },
          { periodId: period, keyword, unitId: unitIds[n % unitIds.length] },
          { periodId: period, keyword, offset: 3, limit: 5 },
        );
      for (const q of qs) {
        const want = summaryIds(core.ctx.db, q, today, true);
        expect(summaryIds(core.ctx.db, q, today, false), JSON.stringify(q)).toEqual(want);
        if (q === qs[0] && want.matched > 0) found += 1;
      }
      if (indexedKeyword(keyword.trim().toLowerCase())) indexed += 1;
    });
    // most keywords take the indexed path and many find something, so the comparison means something
    expect(indexed).toBeGreaterThan(ks.length * 0.7);
    expect(found).toBeGreaterThan(ks.length * 0.25);
  }

  beforeAll(async () => {
    const c = await cycleCore(['省商务厅', '省科技厅']);
    core = c.core;
    periodId = c.period.id;
    unitIds = c.unitIds;
    template = c.template;
    today = localDate(core.ctx.now());
    // items' own 进展情况 (searched while no unit reported the item), with characters no other text holds
    const ids = core.ctx.db.prepare('SELECT item_id FROM period_items WHERE period_id = ? ORDER BY item_id DESC LIMIT 6').pluck().all(periodId) as number[];
    for (const [n, id] of ids.entries()) await core.call('items:update', { id, fields: { progressNote: `自填进展${n}：鑫垚工程第${n}段，Ok` } });
  }, 120_000);
  afterAll(() => core?.close());

  it('before any return (the items’ own 进展情况) and after returns with texts, a second unit, and undo', async () => {
    sameForKeywords(1);
    const commerce = await templateTitles(template('省商务厅'));
    const science = await templateTitles(template('省科技厅'));
    const shared = commerce.find((t) => science.includes(t));
    const filled = await fill(template('省商务厅'), (e) => {
      e.set(commerce[0], '进展情况', '已召开专题会议，出台ABC实施细则。');
      e.set(commerce[0], '存在问题', '资金缺口较大');
      e.set(commerce[1], '下步计划', '7月底前完成招标（第二批）');
      e.set(commerce[2], '状态', '已完成');
      if (shared) e.set(shared, '进展情况', '商务厅：完成Wi-Fi覆盖');
    });
    const first = await core.call('returns:apply', { files: [{ name: '省商务厅.xlsx', bytes: filled }] });
    sameForKeywords(2);
    const second = await core.call('returns:apply', {
      files: [{ name: '省科技厅.xlsx', bytes: await fill(template('省科技厅'), (e) => science.slice(0, 3).forEach((t) => e.set(t, '进展情况', `科技厅推进${t}`))) }],
    });
    sameForKeywords(3);
    await core.call('imports:undo', { batchId: second.batchId! });
    sameForKeywords(4);
    await core.call('imports:undo', { batchId: first.batchId! });
    sameForKeywords(5);
    // undo took the reports out of their index at once: one document per report left, none of the undone
    const db = core.ctx.db;
    expect(db.prepare('SELECT count(*) FROM report_chars').pluck().get()).toBe(db.prepare('SELECT count(*) FROM reports').pluck().get());
  });

  it('after reports typed in and changed, items edited and deleted, a unit renamed', async () => {
    const db = core.ctx.db;
    const ids = db.prepare('SELECT item_id FROM period_items WHERE period_id = ? ORDER BY item_id LIMIT 3').pluck().all(periodId) as number[];
    const add = db.prepare("INSERT INTO reports(item_id, period_id, unit_id, progress_text, problems, next_steps, reported_at) VALUES (?, ?, ?, ?, ?, ?, '2025-07-15T09:00:00Z')");
    add.run(ids[0], periodId, unitIds[0], '量子通信试点，已完成80%', '', '');
    add.run(ids[0], periodId, unitIds[1], '', '用地指标不足', 'Q3完成验收');
    sameForKeywords(6);
    db.prepare("UPDATE reports SET progress_text = '改为：鑫源项目开工' WHERE item_id = ? AND period_id = ? AND unit_id = ?").run(ids[0], periodId, unitIds[0]);
    await core.call('items:update', { id: ids[1], fields: { title: '新标题：数字乡村XYZ', progressNote: '自行填写的进展：征地完成' } });
    await core.call('items:delete', { ids: [ids[2]] });
    db.prepare("UPDATE units SET name = '省商务和口岸厅' WHERE id = ?").run(unitIds[0]);
    sameForKeywords(7);
    db.prepare('DELETE FROM reports WHERE item_id = ? AND period_id = ?').run(ids[0], periodId);
    sameForKeywords(8);
  });

  it('in a new period with no template (every item), then after its first template', async () => {
    const next = await core.call('periods:open', { ...PERIOD, name: '2025年第6期', start: '2025-06-30', end: '2025-07-13', due: '2025-07-14' });
    sameForKeywords(9, next.id);
    await core.call('templates:issue', { periodId: next.id, unitIds: [unitIds[1]] });
    sameForKeywords(10, next.id);
    sameForKeywords(11, periodId);
  });
});
