import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DraftItem } from '../../../electron/core/import/draft';
import { readForeignWorkbook } from '../../../electron/core/excel/read-foreign-sheet';

const SAMPLES = new URL('../../../../shared/samples/', import.meta.url);

function pick(item: DraftItem, keys: readonly string[]): Record<string, unknown> {
  const record = item as unknown as Record<string, unknown>;
  return Object.fromEntries(keys.map((k) => [k, record[k]]));
}

describe('province-tasks-A.xlsx (shared sample)', () => {
  const bytes = new Uint8Array(readFileSync(new URL('province-tasks-A.xlsx', SAMPLES)));
  const expected = JSON.parse(readFileSync(new URL('province-tasks-A.expected.json', SAMPLES), 'utf8')) as Record<string, unknown>[];
  const result = readForeignWorkbook(bytes, 'province-tasks-A.xlsx');
  const items = result.sheets.flatMap((s) => s.items);

  it('imports to exactly the expected items (every key the expected file has)', () => {
    expect(items).toHaveLength(expected.length);
    expected.forEach((want, i) => {
      expect(pick(items[i], Object.keys(want)), `item ${i + 1}`).toEqual(want);
    });
  });

  it('reports no problems and reads both sheets with the same layout', () => {
    expect(result.problems).toEqual([]);
    expect(result.sheets.map((s) => [s.name, s.headerRow, s.plan, s.problems.length])).toEqual([
      ['内需扩量提效', 2, '内需扩量提效攻坚实施方案', 0],
      ['产业育新培强', 2, '产业育新培强攻坚实施方案', 0],
    ]);
    expect(result.sheets[0].layoutKey).toBe(result.sheets[1].layoutKey);
    expect(result.sheets[0].mapping).toEqual({ 0: 'code', 1: 'title', 2: 'content', 3: 'lead', 4: 'coop', 5: 'deadline', 6: 'note' });
  });

  it('keeps the sheet 序号, deadlines and notes as optional extras', () => {
    const seventh = items[6];
    expect(seventh).toMatchObject({ no: '1', code: '7', deadlineText: '2025年6月底前', deadlineDate: '2025-06-30' });
    expect(items[1]).toMatchObject({ deadlineText: '全年', deadlineDate: '2025-12-31' });
    expect(items[2]).toMatchObject({ deadlineText: '长期坚持', deadlineDate: null });
    expect(items[5]).toMatchObject({ kind: 'joint', note: '按职责分工负责' });
    expect(items[0].source).toEqual({ file: 'province-tasks-A.xlsx', sheet: '内需扩量提效', row: 4 });
  });
});
