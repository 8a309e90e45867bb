import type { Channel } from '../../shared/contract/channels';

/**
 * Channels that write while awaiting (载入示例数据 issues and reads workbooks inside its one
 * transaction): while one runs, any other write would join that transaction and be undone with it,
 * so the dispatch turns other writes away with this message until it ends.
 */
export const EXCLUSIVE_WRITES: Partial<Record<Channel, string>> = {
  'demo:load': '正在载入示例数据，请稍候',
};

/** Channels that only read, by their verb: they may run during an exclusive write. Anything else counts as a write. */
const READ_VERB = /:(list|get|info|search|progress|batches|history|upper-chain|compare|for-items|missing|summary|outline|state|counts|item|periods|source|draft|table|trend)$/;

export function isReadChannel(channel: Channel): boolean {
  return READ_VERB.test(channel);
}

/** One dispatch's gate: the message of the exclusive write in flight, if any. */
export function createWriteGate() {
  let busy: string | null = null;
  return {
    /** Why `channel` may not run now, or null. */
    refusal(channel: Channel): string | null {
      return busy !== null && !isReadChannel(channel) ? busy : null;
    },
    /** Runs `work` as the exclusive write `channel` when it is one. */
    async run<T>(channel: Channel, work: () => Promise<T> | T): Promise<T> {
      const message = EXCLUSIVE_WRITES[channel];
      if (!message) return work();
      busy = message;
      try {
        return await work();
      } finally {
        busy = null;
      }
    },
  };
}
