import { describe, expect, it } from 'vitest';
import { encryptedOle, fakePdf, zipBomb } from '../../fixtures/foreign/hostile-fixtures';
import { dumpTables, makeCore } from '../helpers';
import { sampleFile } from './stored';

function longCsv(rows: number): Uint8Array<ArrayBuffer> {
  const lines = ['序号,重点任务,牵头单位'];
  for (let i = 1; i <= rows; i++) lines.push(`${i},任务${i},省发展改革委`);
  return new TextEncoder().encode(lines.join('\n'));
}

const HOSTILE: { what: string; name: string; bytes: () => Uint8Array<ArrayBuffer>; says: RegExp }[] = [
  { what: 'a renamed PDF', name: '任务清单.xlsx', bytes: () => new Uint8Array(fakePdf()), says: /是 PDF 文件，但无法读取/ },
  { what: 'an encrypted workbook', name: '加密清单.xlsx', bytes: () => new Uint8Array(encryptedOle()), says: /密码|加密/ },
  { what: 'a zip bomb', name: '炸弹.xlsx', bytes: () => new Uint8Array(zipBomb(20 * 1024 * 1024, 1000)), says: /解压/ },
  { what: 'an empty file', name: '空文件.xlsx', bytes: () => new Uint8Array(0), says: /空文件/ },
  { what: 'a 500,000-row sheet', name: '超长清单.csv', bytes: () => longCsv(500_000), says: /超过 200,000 行/ },
  { what: 'a wrong encoding', name: '乱码.csv', bytes: () => new Uint8Array([...new TextEncoder().encode('序号,任务\n1,Jos'), 0xe9, 0x0a]), says: /编码/ },
];

describe('hostile input through the pipeline: a clear message naming the file, nothing written', () => {
  for (const h of HOSTILE) {
    it(`${h.what}`, async () => {
      const core = makeCore();
      await core.call('demo:load', {});
      const before = dumpTables(core.ctx);
      const batches = await core.call('imports:batches', {});
      const file = { name: h.name, bytes: h.bytes() };

      const preview = await core.call('imports:preview', { files: [file] });
      expect(preview.errors).toBe(1);
      expect(preview.files[0].sheets).toEqual([]);
      expect(preview.files[0].error).toContain(`文件「${h.name}」`);
      expect(preview.files[0].error).toMatch(h.says);

      const alone = await core.dispatch('imports:apply', { files: [file] });
      const withGood = await core.dispatch('imports:apply', { files: [sampleFile(), file] });
      for (const r of [alone, withGood]) {
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error.message).toContain(`文件「${h.name}」`);
      }
      expect(dumpTables(core.ctx)).toEqual(before);
      expect(await core.call('imports:batches', {})).toEqual(batches);
      core.close();
    });
  }

  it('text that is no plan imports nothing and says so', async () => {
    const core = makeCore();
    const before = dumpTables(core.ctx);
    const r = await core.dispatch('imports:apply', { text: '今天天气很好。\n明天开会。' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('没有可导入的条目');
    expect(dumpTables(core.ctx)).toEqual(before);
    core.close();
  });
});
