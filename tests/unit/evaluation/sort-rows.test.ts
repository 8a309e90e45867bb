import { describe, expect, it } from 'vitest';
import { sortRows } from '../../../renderer/src/components/evaluation/evaluation-columns';
import { rankUnits, type UnitFacts } from '../../../electron/core/evaluation/score';
import { DEFAULT_EVALUATION_WEIGHTS } from '../../../shared/contract/schemas/evaluation';

const facts = (name: string, id: number, missing: number, rate: number): UnitFacts => ({
  unitId: id, unitName: name, expected: 2, onTime: 2 - missing, late: 0, missing, onTimeRate: rate,
  red: 0, yellow: 0, green: 1, greenShare: 100, overdueItems: 0, extensionsRequested: 0, extensionsApproved: 0, urged: 0,
});

describe('考评 table sort (a click on a column header)', () => {
  const rows = rankUnits([facts('乙', 1, 1, 50), facts('甲', 2, 0, 100), facts('丙', 3, 1, 50)], DEFAULT_EVALUATION_WEIGHTS);
  const names = (key: string, desc: boolean) => sortRows(rows, { key, desc }).map((r) => r.unitName);

  it('by score (the default) is the ranked order, and the other way reversed', () => {
    expect(names('score', true)).toEqual(['甲', '乙', '丙']);
    expect(names('score', false)).toEqual(['丙', '乙', '甲']);
    expect(names('rank', false)).toEqual(['甲', '乙', '丙']);
  });

  it('by another column keeps the ranked order within equal values', () => {
    expect(names('missing', true)).toEqual(['乙', '丙', '甲']);
    expect(names('missing', false)).toEqual(['甲', '乙', '丙']);
    expect(names('unit', false)).toEqual(['丙', '甲', '乙']); // by pinyin: bing, jia, yi
  });
});
