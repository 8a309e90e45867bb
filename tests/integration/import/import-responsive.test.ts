import { describe, expect, it } from 'vitest';
import { decode, encode } from '../../../shared/contract/codec';
import { createDevServer, TOKEN_HEADER } from '../../../electron/dev-server/http-server';
import { makeCore } from '../helpers';

/** A large but legal sheet: 100,000 task rows (the parse takes seconds). */
function bigCsv(rows: number): Uint8Array<ArrayBuffer> {
  const lines = ['序号,重点任务,具体内容,牵头单位,配合单位,完成时限'];
  for (let i = 1; i <= rows; i++) lines.push(`${i},任务${i},推进第${i}项工作，新增就业${i}人以上。,省发展改革委,省财政厅、省商务厅,2025年6月底前`);
  return new TextEncoder().encode(lines.join('\n'));
}

/** A core behind the dev server, and a call over HTTP as the browser makes it. */
async function servedCore() {
  const core = makeCore();
  const token = 'test-token';
  const { server, port } = await createDevServer({ dispatch: core.dispatch, distDir: core.dir, token, port: 0 });
  const rpc = async <T>(channel: string, input: unknown): Promise<T> => {
    const res = await fetch(`http://127.0.0.1:${port}/rpc/${channel}`, { method: 'POST', headers: { [TOKEN_HEADER]: token }, body: encode({ input }) });
    const r = decode<{ ok: boolean; value: T; error?: { message: string } }>(await res.text());
    if (!r.ok) throw new Error(r.error?.message);
    return r.value;
  };
  return { core, server, rpc };
}

describe('the app stays responsive while a big file is parsed and written', () => {
  it('the HTTP server answers other requests (and progress) while a 100,000-row preview runs', async () => {
    const { core, server, rpc } = await servedCore();
    let settled = false;
    const preview = rpc<{ counts: { new: number } }>('imports:preview', { files: [{ name: '大清单.csv', bytes: bigCsv(100_000) }], jobId: 'big', listLimit: 10 }).finally(() => {
      settled = true;
    });
    let progress = { stage: 'unknown', message: '' };
    while (!progress.message.includes('大清单.csv') && !settled) {
      progress = await rpc<typeof progress>('imports:progress', { jobId: 'big' });
    }
    const info = await rpc<{ counts: { task: number } }>('app:info', {});
    expect(info.counts.task).toBe(0);
    expect(progress.stage).toBe('reading');
    expect(settled).toBe(false);
    expect((await preview).counts.new).toBe(100_000);
    expect((await rpc<{ stage: string }>('imports:progress', { jobId: 'big' })).stage).toBe('done');
    server.close();
    core.close();
  }, 300_000);

  it('other requests are answered while a 30,000-row apply writes (in the import worker), and see nothing until it commits', async () => {
    const { core, server, rpc } = await servedCore();
    let settled = false;
    const apply = rpc<{ counts: { new: number } }>('imports:apply', { files: [{ name: '大清单.csv', bytes: bigCsv(30_000) }], jobId: 'write' }).finally(() => {
      settled = true;
    });
    let progress = { stage: 'unknown', message: '' };
    while (progress.stage !== 'writing' && !settled) progress = await rpc<typeof progress>('imports:progress', { jobId: 'write' });
    expect(progress.message).toBe('正在写入数据库…');
    const during = await rpc<{ counts: { task: number } }>('app:info', {});
    expect(settled).toBe(false);
    expect(during.counts.task).toBe(0);
    expect((await apply).counts.new).toBe(30_000);
    expect((await rpc<{ counts: { task: number } }>('app:info', {})).counts.task).toBe(30_000);
    server.close();
    core.close();
  }, 300_000);
});
