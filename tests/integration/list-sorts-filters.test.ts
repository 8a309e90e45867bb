import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localDate } from '../../electron/core/context';
import { judgeItems } from '../../electron/core/lights/lights';
import type { ItemRow, ItemStatus } from '../../shared/contract/schemas/items';
import type { ItemLight } from '../../shared/contract/schemas/lights';
import { cycleFixture } from './cycle-fixture';
import { makeCore, type TestCore } from './helpers';

// The list answers from indexes (migration 0007) and kept lights: what it shows must equal the rows
// filtered and sorted from scratch, page by page, in both directions, and after writes and midnight.
describe('list sorts, filters and the light filter', () => {
  let core: TestCore;
  let now: Date;
  beforeEach(async () => {
    now = new Date('2025-07-15T09:00:00+08:00');
    core = makeCore({ now });
    await core.call('demo:load', {});
  });
  afterEach(() => core.close());

  const all = async (): Promise<ItemRow[]> => (await core.call('items:list', { kind: 'task', limit: 100000 })).rows;
  /** A query read in pages of 7 rows, concatenated. */
  async function paged(q: Record<string, unknown>): Promise<{ total: number; ids: number[] }> {
    const ids: number[] = [];
    let total = 0;
    for (let offset = 0; ; offset += 7) {
      const page = await core.call('items:list', { kind: 'task', ...q, offset, limit: 7 });
      total = page.total;
      ids.push(...page.rows.map((r) => r.id));
      if (page.rows.length < 7) break;
    }
    return { total, ids };
  }

  /** lights:list read in pages of 4, concatenated. */
  async function lightPages(q: { kind: 'task'; levels?: ('bad' | 'warn' | 'good' | 'done')[]; ids?: number[] }) {
    const rows: ItemLight[] = [];
    let total = 0;
    for (let offset = 0; ; offset += 4) {
      const page = await core.call('lights:list', { ...q, offset, limit: 4 });
      total = page.total;
      rows.push(...page.rows);
      if (page.rows.length < 4) break;
    }
    return { total, rows };
  }

  it('sorts every column both ways, ties in list order (reversed when descending), page after page', async () => {
    const rows = await all();
    const seq = new Map(rows.map((r, n) => [r.id, n]));
    // the stored 编号 (the list shows it with its section's number: 1-1)
    const code = new Map(core.ctx.db.prepare('SELECT id, code FROM items').all().map((r) => [(r as { id: number }).id, (r as { code: string }).code]));
    const key: Record<string, (r: ItemRow) => string | number> = {
      deadline: (r) => r.deadlineDate ?? '9999',
      progress: (r) => r.progress,
      status: (r) => r.status,
      code: (r) => code.get(r.id)!,
      updated: (r) => r.updatedAt,
      plan: (r) => r.planId ?? -1,
    };
    // give the sorts something to order: deadlines, progress and statuses spread over the rows
    const statuses: ItemStatus[] = ['not_started', 'in_progress', 'done', 'suspended'];
    for (const [n, r] of rows.slice(0, 40).entries()) {
      await core.call('items:update', { id: r.id, fields: { progress: (n * 7) % 50, status: statuses[n % 4], deadlineText: n % 5 ? `2025-0${(n % 9) + 1}-15` : '长期坚持' } });
    }
    const fresh = await all();
    for (const [sort, k] of Object.entries(key)) {
      for (const desc of [false, true]) {
        const cmp = (a: ItemRow, b: ItemRow) => (k(a) < k(b) ? -1 : k(a) > k(b) ? 1 : seq.get(a.id)! - seq.get(b.id)!);
        const want = [...fresh].sort((a, b) => (desc ? -cmp(a, b) : cmp(a, b))).map((r) => r.id);
        const got = await paged({ sort, desc });
        expect(got, `${sort} ${desc ? 'desc' : 'asc'}`).toEqual({ total: want.length, ids: want });
      }
    }
  });

  it('filters combined equal the rows filtered from scratch', async () => {
    const rows = await all();
    const plan = rows[0].planId!;
    const units = await core.call('units:list', {});
    const unit = units.find((u) => u.name === '省商务厅')!;
    await core.call('items:update', { id: rows[1].id, fields: { deadlineText: '2025-07-01', status: 'in_progress' } });
    await core.call('items:update', { id: rows[2].id, fields: { deadlineText: '2025-08-01' } });
    const fresh = await all();
    const cases: [Record<string, unknown>, (r: ItemRow) => boolean][] = [
      [{ planId: plan }, (r) => r.planId === plan],
      [{ planId: plan, statuses: ['not_started'] }, (r) => r.planId === plan && r.status === 'not_started'],
      [{ overdue: true }, (r) => r.deadlineDate !== null && r.deadlineDate < '2025-07-15' && r.status !== 'done'],
      [{ deadlineFrom: '2025-07-01', deadlineTo: '2025-12-31' }, (r) => r.deadlineDate !== null && r.deadlineDate >= '2025-07-01' && r.deadlineDate <= '2025-12-31'],
      [{ unitId: unit.id }, (r) => [r.lead, r.resp, r.coop].some((s) => s.split('、').includes('省商务厅'))],
      [{ unitId: unit.id, role: 'coop' }, (r) => r.coop.split('、').includes('省商务厅')],
      [{ origin: 'local' }, (r) => r.origin === 'local'],
      [{ unitId: unit.id, role: 'lead', keyword: '消费' }, (r) => r.lead.split('、').includes('省商务厅') && (r.title + r.content).includes('消费')],
      [{ keyword: '湘', sort: 'deadline', desc: true }, (r) => (r.title + r.content + r.code).includes('湘')],
    ];
    for (const [q, keep] of cases) {
      const got = await paged(q);
      const want = fresh.filter(keep).map((r) => r.id);
      expect(got.total, JSON.stringify(q)).toBe(want.length);
      expect(new Set(got.ids), JSON.stringify(q)).toEqual(new Set(want));
    }
  });

  it('the light filter lists the items whose judged light is that level, after writes and after midnight', async () => {
    const f = cycleFixture(core);
    const today = () => localDate(now);
    async function expectLevelsAsJudged(): Promise<void> {
      const judged = judgeItems(core.ctx.db, { kind: 'task' }, today());
      for (const level of ['bad', 'warn', 'good', 'done'] as const) {
        const got = await paged({ levels: [level], today: today() });
        const want = judged.filter((j) => j.verdict.level === level).map((j) => j.id);
        expect(got.total, level).toBe(want.length);
        expect(got.ids, level).toEqual(want);
        // lights:list, page by page (by item id), gives the same items with their levels and the same total
        const lit = await lightPages({ kind: 'task', levels: [level] });
        expect(lit.total, level).toBe(want.length);
        expect(lit.rows.map((l) => l.id)).toEqual([...want].sort((a, b) => a - b));
        expect(lit.rows.every((l) => l.level === level)).toBe(true);
      }
      const some = judged.slice(0, 9).map((j) => j.id);
      const picked = await lightPages({ kind: 'task', ids: some, levels: ['bad', 'warn', 'good', 'done'] });
      expect(picked).toEqual({ total: some.length, rows: (await core.call('lights:list', { kind: 'task', ids: some, limit: 5000 })).rows });
      expect(picked.rows.map((l) => l.id)).toEqual([...some].sort((a, b) => a - b));
      const two = await paged({ levels: ['bad', 'warn'], sort: 'deadline', today: today() });
      expect(two.total).toBe(judged.filter((j) => ['bad', 'warn'].includes(j.verdict.level)).length);
    }
    const rows = await all();
    await expectLevelsAsJudged();
    await core.call('items:update', { id: rows[0].id, fields: { deadlineText: '2025-07-10' } });
    await core.call('items:update', { id: rows[1].id, fields: { deadlineText: '2025-07-16', progress: 0 } });
    await core.call('items:bulk-edit', { target: { ids: [rows[2].id, rows[3].id] }, action: { op: 'fields', status: 'done' } });
    const p = f.period('2025年第1期', '2025-06-01', '2025-06-15', '2025-06-20');
    f.report({ itemId: rows[4].id, periodId: p, unitId: (await core.call('units:list', {}))[0].id, problems: '资金缺口' });
    await expectLevelsAsJudged();
    expect((await paged({ levels: ['bad'], today: today() })).ids).toContain(rows[0].id);
    now.setTime(Date.parse('2025-07-17T10:00:00+08:00')); // past midnight twice: rows[1] is overdue now
    await expectLevelsAsJudged();
    expect((await paged({ levels: ['bad'], today: today() })).ids).toContain(rows[1].id);
  });

  it('the totals kept for the common filters equal the rows counted afresh, after writes and on another day', async () => {
    const units = await core.call('units:list', {});
    const names = new Map(units.map((u) => [u.id, u.name]));
    async function expectTotalsAsCounted(today: string): Promise<void> {
      const rows = (await core.call('items:list', { kind: 'task', limit: 100000, statuses: ['not_started', 'in_progress', 'done', 'suspended'] })).rows;
      const has = (list: string, id: number) => list.split('、').includes(names.get(id)!);
      const cases: [Record<string, unknown>, (r: ItemRow) => boolean][] = [
        [{}, () => true],
        // empty filters as the filter bar may send them: none but ids, which asks for no items
        [{ statuses: [], levels: [], keyword: ' ', overdue: false }, () => true],
        [{ ids: [] }, () => false],
        [{ origin: 'local' }, (r) => r.origin === 'local'],
        [{ origin: 'upper' }, (r) => r.origin === 'upper'],
        [{ overdue: true, today }, (r) => r.deadlineDate !== null && r.deadlineDate < today && r.status !== 'done'],
        ...units.slice(0, 6).flatMap((u): [Record<string, unknown>, (r: ItemRow) => boolean][] => [
          [{ unitId: u.id }, (r) => has(r.lead, u.id) || has(r.resp, u.id) || has(r.coop, u.id)],
          [{ unitId: u.id, role: 'lead' }, (r) => has(r.lead, u.id)],
          [{ unitId: u.id, role: 'resp' }, (r) => has(r.resp, u.id)],
        ]),
      ];
      for (const [q, keep] of cases) {
        expect((await core.call('items:list', { kind: 'task', ...q, limit: 1 })).total, JSON.stringify(q)).toBe(rows.filter(keep).length);
      }
    }
    await expectTotalsAsCounted('2025-07-15');
    const rows = await all();
    const [u1, u2] = units;
    await core.call('items:update', { id: rows[0].id, fields: { deadlineText: '2025-07-01', status: 'in_progress' }, units: [{ unitId: u2.id, role: 'lead' }, { unitId: u1.id, role: 'coop' }] });
    await core.call('items:update', { id: rows[1].id, units: [] });
    await core.call('items:create', { kind: 'task', title: '新增一项任务', deadlineText: '2025-07-02', units: [{ unitId: u1.id, role: 'lead' }, { unitId: u1.id, role: 'resp' }] });
    await core.call('items:bulk-edit', { target: { ids: [rows[2].id, rows[3].id] }, action: { op: 'fields', status: 'done' } });
    await core.call('items:delete', { ids: [rows[4].id] });
    await core.call('items:bulk-edit', { target: { filter: { kind: 'task', unitId: u2.id, role: 'lead' } }, action: { op: 'delete' } });
    await expectTotalsAsCounted('2025-07-15');
    await expectTotalsAsCounted('2025-12-31');
  });
});
