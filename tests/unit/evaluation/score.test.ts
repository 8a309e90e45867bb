import { describe, expect, it } from 'vitest';
import { rankUnits, scoreOf, type UnitFacts } from '../../../electron/core/evaluation/score';
import { DEFAULT_EVALUATION_WEIGHTS as W } from '../../../shared/contract/schemas/evaluation';

let nextId = 1;
function unit(name: string, f: Partial<UnitFacts> = {}): UnitFacts {
  return {
    unitId: nextId++, unitName: name, expected: 2, onTime: 2, late: 0, missing: 0, onTimeRate: 100,
    red: 0, yellow: 0, green: 10, greenShare: 100, overdueItems: 0, extensionsRequested: 0, extensionsApproved: 0, urged: 0, ...f,
  };
}

describe('考评 score', () => {
  it('is base + onTime × rate + green × share − penalties, as written in the settings', () => {
    // 30 + 40 × 0.5 + 30 × 0.6 − 2 × 3 − 1 × 2 − 2 × 1 = 58
    expect(scoreOf(unit('甲', { onTimeRate: 50, greenShare: 60, overdueItems: 3, extensionsApproved: 2, extensionsRequested: 5, urged: 1 }), W)).toBe(58);
    // requests not approved cost nothing
    expect(scoreOf(unit('乙', { extensionsRequested: 4 }), W)).toBe(100);
  });

  it('is clamped to 0–100 and rounded to one decimal', () => {
    expect(scoreOf(unit('甲', { overdueItems: 80 }), W)).toBe(0);
    expect(scoreOf(unit('乙'), { ...W, base: 60 })).toBe(100);
    expect(scoreOf(unit('丙', { onTimeRate: 33.3, greenShare: 0 }), W)).toBe(43.3);
  });

  it('counts a rate that cannot be computed as 0', () => {
    expect(scoreOf(unit('甲', { onTimeRate: null, greenShare: null }), W)).toBe(30);
  });
});

describe('考评 ranking', () => {
  it('ranks best first; ties share a rank and the next rank skips (1, 1, 3), the better on-time rate first within a tie', () => {
    const rows = rankUnits(
      [
        unit('甲', { onTimeRate: 50, greenShare: 100 }), // 30 + 20 + 30 = 80
        unit('乙', { onTimeRate: 100, greenShare: 100 / 3 }), // 30 + 40 + 10 = 80
        unit('丙', { onTimeRate: 100, greenShare: 100 }), // 100
        unit('丁', { onTimeRate: 0, greenShare: 0 }), // 30
      ],
      W,
    );
    expect(rows.map((r) => [r.unitName, r.rank, r.score])).toEqual([['丙', 1, 100], ['乙', 2, 80], ['甲', 2, 80], ['丁', 4, 30]]);
  });

  it('a weight change changes the order as computed by hand', () => {
    const facts = [unit('守时', { onTimeRate: 100, greenShare: 40 }), unit('绿灯多', { onTimeRate: 50, greenShare: 90 })];
    // defaults: 守时 30 + 40 + 12 = 82, 绿灯多 30 + 20 + 27 = 77
    expect(rankUnits(facts, W).map((r) => [r.unitName, r.score])).toEqual([['守时', 82], ['绿灯多', 77]]);
    // 按时 10, 绿灯 60: 守时 30 + 10 + 24 = 64, 绿灯多 30 + 5 + 54 = 89
    expect(rankUnits(facts, { ...W, onTime: 10, green: 60 }).map((r) => [r.unitName, r.score])).toEqual([['绿灯多', 89], ['守时', 64]]);
  });
});

describe('红黄榜', () => {
  const five = () => [
    unit('一', { greenShare: 100 }), // 100
    unit('二', { greenShare: 80 }), // 94
    unit('三', { greenShare: 50, red: 9 }), // 85
    unit('四', { onTimeRate: 50, greenShare: 50 }), // 65
    unit('五', { onTimeRate: 0, greenShare: 50 }), // 45
  ];
  const lists = (w = W) => rankUnits(five(), w).map((r) => [r.unitName, r.list, r.listReasons.join('；')]);

  it('红榜 is the top N with at least the threshold; 黄榜 the bottom N, a low score or too many red lights', () => {
    expect(lists()).toEqual([
      ['一', 'commend', ''],
      ['二', 'commend', ''],
      ['三', 'commend', ''],
      ['四', 'criticise', '排名后 3 位'],
      ['五', 'criticise', '排名后 3 位；得分低于 60 分'],
    ]);
  });

  it('follows the thresholds the office sets', () => {
    const w = { ...W, commendTopN: 2, commendMinScore: 95, criticiseBottomN: 1, criticiseBelowScore: 0, criticiseRedLights: 8 };
    expect(lists(w)).toEqual([
      ['一', 'commend', ''],
      ['二', null, ''],
      ['三', 'criticise', '红灯 9 个'],
      ['四', null, ''],
      ['五', 'criticise', '排名后 1 位'],
    ]);
  });

  it('with no more units than N, 排名后 N 位 puts nobody on 黄榜; 0 switches a rule off', () => {
    const w = { ...W, criticiseBottomN: 5, criticiseBelowScore: 0, criticiseRedLights: 0, commendTopN: 0, commendMinScore: 90 };
    expect(lists(w).map(([n, l]) => [n, l])).toEqual([['一', 'commend'], ['二', 'commend'], ['三', null], ['四', null], ['五', null]]);
  });
});
