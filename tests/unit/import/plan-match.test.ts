import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { closeness, dice, matchText } from '../../../electron/core/import/near-match';
import { createPlanFinder, loosePlanKey, planKey } from '../../../electron/core/import/plan-match';
import { matchHeaderField } from '../../../electron/core/excel/foreign/synonyms';

describe('plan names from another source', () => {
  it('reduces 《》, numbering and the 实施方案 suffix', () => {
    expect(planKey('《内需扩量提效攻坚实施方案》')).toBe('内需扩量提效攻坚');
    expect(planKey('（一）内需扩量提效攻坚')).toBe('内需扩量提效攻坚');
    expect(planKey('内需扩量提效攻坚方案')).toBe('内需扩量提效攻坚');
    expect(loosePlanKey('内需扩量提效攻坚实施方案')).toBe('内需扩量提效');
  });

  it('finds the one stored plan a name stands for, and never guesses between two', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE plans (id INTEGER PRIMARY KEY, title TEXT)');
    const add = db.prepare('INSERT INTO plans (title) VALUES (?)');
    for (const t of ['内需扩量提效攻坚实施方案', '产业育新培强攻坚实施方案', '城市更新行动方案', '城市更新工作方案']) add.run(t);
    const find = createPlanFinder(db);
    expect(find('内需扩量提效')).toBe('内需扩量提效攻坚实施方案');
    expect(find('《产业育新培强攻坚实施方案》')).toBe('产业育新培强攻坚实施方案');
    expect(find('城市更新')).toBeNull();
    expect(find('科技创新赋能攻坚')).toBeNull();
  });
});

describe('how alike two texts are', () => {
  it('ignores spaces, punctuation and full-width forms', () => {
    expect(matchText('推动“两重” 建设。')).toBe(matchText('推动"两重"建设'));
  });
  it('scores a few changed characters high and different tasks low', () => {
    expect(closeness(matchText('推动增收减负'), matchText('推动居民增收减负'))).toBeGreaterThanOrEqual(0.7);
    expect(closeness(matchText('完善消费政策'), matchText('创新消费场景'))).toBeLessThan(0.7);
    expect(dice('大规模开展职业技能培训推动劳动者技能提升', '大规模开展职业技能提升培训推动劳动者技能提升')).toBeGreaterThan(0.8);
  });
});

describe('upper offices\' column names', () => {
  it.each([
    ['攻坚方向', 'plan'], ['方案', 'plan'], ['所属攻坚', 'plan'], ['省领导', 'leader'], ['责任领导', 'leader'], ['牵头领导', 'leader'], ['牵头省领导', 'leader'],
  ])('%s → %s', (header, field) => {
    expect(matchHeaderField(header)).toBe(field);
  });
});
