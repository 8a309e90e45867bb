import { describe, expect, it } from 'vitest';
import { fitColumns } from '../../../renderer/src/components/items/fit-columns';

const cols = [
  { key: 'code', width: 62 },
  { key: 'title', width: 190 },
  { key: 'plan', width: 150 },
  { key: 'lead', width: 120 },
  { key: 'status', width: 78 },
  { key: 'progress', width: 92 },
];
const sum = (c: readonly { width: number }[]) => c.reduce((n, x) => n + x.width, 0);

describe('list columns on a small screen', () => {
  it('leaves them as they are when they fit or the width is not known yet', () => {
    expect(fitColumns(cols, 2000)).toEqual(cols);
    expect(fitColumns(cols, 0)).toEqual(cols);
  });

  it('narrows only the text columns, in proportion, to fit exactly; status and progress keep their widths', () => {
    const fit = fitColumns(cols, sum(cols) - 60);
    expect(sum(fit)).toBeLessThanOrEqual(sum(cols) - 60);
    expect(sum(fit)).toBeGreaterThanOrEqual(sum(cols) - 62);
    expect(fit.find((c) => c.key === 'progress')!.width).toBe(92);
    expect(fit.find((c) => c.key === 'status')!.width).toBe(78);
    expect(fit.find((c) => c.key === 'code')!.width).toBe(62);
    expect(fit.find((c) => c.key === 'title')!.width).toBeLessThan(190);
  });

  it('never goes below a column’s minimum, and spares the column being resized', () => {
    const fit = fitColumns(cols, 100);
    expect(fit.find((c) => c.key === 'title')!.width).toBe(140);
    expect(fit.find((c) => c.key === 'plan')!.width).toBe(90);
    expect(fitColumns(cols, sum(cols) - 30, 'title').find((c) => c.key === 'title')!.width).toBe(190);
  });
});
