import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../helpers';
import { docxPackageProblems } from './docx-render';

describe('.docx packages stay valid whatever the text holds', () => {
  let core: TestCore;
  beforeAll(async () => {
    core = makeCore();
    await core.call('office:set', { name: '平江县攻坚办', level: '县', region: '湖南省岳阳市平江县', parentName: '' });
    const lead = (await core.call('units:create', { name: '县发展改革局' })).id;
    await core.call('items:create', {
      kind: 'task',
      title: '招商 <引资> & “双招双引”',
      content: '第一行\u000b第二行\u0001，A&B<C>；表情😀保留。',
      deadlineText: '2025年12月底前',
      units: [{ unitId: lead, role: 'lead' }],
    });
  });
  afterAll(() => core.close());

  it('a task with markup characters, a vertical tab and a control character writes a sound package that keeps the text', async () => {
    const state = await core.call('plandoc:state', {});
    expect(state.draft.title).toBe('平江县落实方案');
    expect(state.plans).toEqual([{ id: 0, title: '其他任务（未归入方案）', localCount: 1 }]);
    const file = await core.call('plandoc:docx', state.draft);
    expect(docxPackageProblems(file.bytes)).toEqual([]);
    const xml = strFromU8(unzipSync(file.bytes)['word/document.xml']);
    expect(xml).toContain('1.第一行 第二行，A&amp;B&lt;C&gt;；表情😀保留。（县发展改革局牵头；完成时限：2025年12月底前）');
    expect(xml).toContain('招商 &lt;引资&gt; &amp; “双招双引”');
    expect(xml).toContain('一、其他任务');
  });

  it('the 公文 page: A4 with the standard margins, portrait body, outer-side page numbers on odd and even pages', async () => {
    const state = await core.call('plandoc:state', {});
    const parts = unzipSync((await core.call('plandoc:docx', state.draft)).bytes);
    const xml = strFromU8(parts['word/document.xml']);
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(xml).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    expect(xml).toContain('<w:tblHeader/>');
    expect(strFromU8(parts['word/settings.xml'])).toContain('<w:evenAndOddHeaders/>');
    const footers = Object.keys(parts).filter((k) => /^word\/footer\d+\.xml$/.test(k)).map((k) => strFromU8(parts[k]));
    expect(footers.some((f) => f.includes('w:val="right"') && f.includes('PAGE'))).toBe(true);
    expect(footers.some((f) => f.includes('w:val="left"') && f.includes('PAGE'))).toBe(true);
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
  });
});
