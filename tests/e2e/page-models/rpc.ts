import type { Channel, Input, Output } from '../../../shared/contract/channels';
import { decode, encode } from '../../../shared/contract/codec';
import type { RunningServer } from '../harness';

/** Reads the core directly (as the UI does), to know what the database holds independently of the screen. */
export async function rpc<C extends Channel>(server: RunningServer, channel: C, input: Input<C>): Promise<Output<C>> {
  const res = await fetch(`http://127.0.0.1:${server.port}/rpc/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-qingdan-token': server.token },
    body: encode({ input }),
  });
  const r = decode<{ ok: boolean; value: Output<C>; error?: { message: string } }>(await res.text());
  if (!r.ok) throw new Error(r.error?.message);
  return r.value;
}
