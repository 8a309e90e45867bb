import { describe, expect, it } from 'vitest';
import { dumpTables, makeCore } from '../helpers';
import { sampleVariant } from './sample-variants';
import { storedDrafts } from './stored';

/** The sample with 省发展改革委 written the short way (省发改委) in the lead column of the first sheet. */
const shortNames = () =>
  sampleVariant((s) => {
    for (const row of s['内需扩量提效']) if (typeof row[3] === 'string') row[3] = row[3].replace('省发展改革委', '省发改委');
  });

describe('未识别的单位: map to an existing unit or create it', () => {
  it('offers the directory unit as a suggestion; mapping it links the items and remembers the alias; undo forgets it', async () => {
    const core = makeCore();
    await core.call('demo:load', {});
    const before = dumpTables(core.ctx);
    const file = { name: '简称.xlsx', bytes: shortNames() };
    const preview = await core.call('imports:preview', { files: [file] });
    const unknown = preview.unknownUnits.find((u) => u.name === '省发改委');
    expect(unknown?.suggestions.map((s) => s.name)).toContain('省发展改革委');
    const target = unknown!.suggestions.find((s) => s.name === '省发展改革委')!;

    const res = await core.call('imports:apply', { files: [file], decisions: { 省发改委: target.id } });
    const stored = storedDrafts(core.ctx.db).filter((d) => d.plan === '内需扩量提效攻坚实施方案');
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.some((d) => d.lead.includes('省发展改革委'))).toBe(true);
    expect(stored.some((d) => d.lead.includes('省发改委'))).toBe(false);
    const units = await core.call('units:list', {});
    expect(units.find((u) => u.id === target.id)?.aliases).toContain('省发改委');
    expect(units.some((u) => u.name === '省发改委')).toBe(false);
    expect((await core.call('imports:preview', { files: [file] })).unknownUnits.map((u) => u.name)).not.toContain('省发改委');

    await core.call('imports:undo', { batchId: res.batchId! });
    expect(dumpTables(core.ctx)).toEqual(before);
    core.close();
  });

  it('refuses a decision naming a unit that does not exist, writing nothing', async () => {
    const core = makeCore();
    const before = dumpTables(core.ctx);
    const r = await core.dispatch('imports:apply', { files: [{ name: '简称.xlsx', bytes: shortNames() }], decisions: { 省发改委: 99999 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('省发改委');
    expect(dumpTables(core.ctx)).toEqual(before);
    core.close();
  });
});
