import { describe, expect, it } from 'vitest';
import { LIGHT_LEVELS, lightLook, schemeLegend } from '../../../shared/contract/schemas/lights';
import { LIGHT_SCHEMES } from '../../../shared/contract/schemas/office';

describe('light schemes', () => {
  it('红黄绿: red bad, yellow warn, green on schedule and done, with print symbols', () => {
    expect(LIGHT_LEVELS.map((l) => lightLook('红黄绿', l).text)).toEqual(['●红', '▲黄', '○绿', '○绿']);
  });

  it('蓝黄红 and 蓝橙红 show blue for on schedule', () => {
    expect(LIGHT_LEVELS.map((l) => lightLook('蓝黄红', l).text)).toEqual(['●红', '▲黄', '◇蓝', '◇蓝']);
    expect(LIGHT_LEVELS.map((l) => lightLook('蓝橙红', l).text)).toEqual(['●红', '▲橙', '◇蓝', '◇蓝']);
  });

  it('红黄蓝绿 gives done its own colour', () => {
    expect(LIGHT_LEVELS.map((l) => lightLook('红黄蓝绿', l).text)).toEqual(['●红', '▲黄', '◇蓝', '○绿']);
    expect(schemeLegend('红黄蓝绿')).toHaveLength(4);
  });

  it('every scheme has distinct symbols per colour, so black-and-white print keeps the meaning', () => {
    for (const s of LIGHT_SCHEMES) {
      const legend = schemeLegend(s);
      expect(new Set(legend.map((l) => l.look.symbol)).size).toBe(legend.length);
      expect(legend.length).toBe(s.length);
    }
  });
});
