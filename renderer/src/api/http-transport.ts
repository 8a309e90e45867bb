import type { Api } from '../../../shared/contract/channels';
import { decode, encode } from '../../../shared/contract/codec';
import type { Result } from '../../../shared/contract/errors';

const TOKEN_KEY = 'qingdan-token';

/** Takes the per-run token from `#token=…` once, keeps it for the tab, and clears it from the address bar. */
export function readToken(): string {
  const m = /token=([0-9a-f]+)/.exec(location.hash);
  if (m) {
    sessionStorage.setItem(TOKEN_KEY, m[1]);
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** The browser transport: POST /rpc/<channel> with the same Result envelope as IPC. */
export function createHttpApi(base: string): Api {
  const token = readToken();
  return {
    async invoke(channel, input) {
      try {
        const res = await fetch(`${base}/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-qingdan-token': token },
          body: encode({ input }),
        });
        if (!res.ok) return { ok: false, error: { code: 'internal', message: `服务返回 ${res.status}：${await res.text()}` } };
        return decode(await res.text()) as Result<never>;
      } catch (e) {
        return { ok: false, error: { code: 'internal', message: `无法连接本机服务：${(e as Error).message}` } };
      }
    },
  };
}
