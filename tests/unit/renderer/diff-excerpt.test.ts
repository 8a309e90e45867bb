import { describe, expect, it } from 'vitest';
import { diffExcerpt } from '../../../renderer/src/components/import/diff-excerpt';

describe('diffExcerpt', () => {
  it('shows a revision at the end of a long paragraph', () => {
    const before = `${'完善消费政策。'.repeat(20)}兑付方式。`;
    const d = diffExcerpt(before, `${before}（修订）`);
    expect(d.after.endsWith('兑付方式。（修订）')).toBe(true);
    expect(d.before.startsWith('…')).toBe(true);
  });
  it('keeps short texts whole', () => {
    expect(diffExcerpt('省人力资源社会保障厅', '省发改委')).toEqual({ before: '省人力资源社会保障厅', after: '省发改委' });
  });
});
