import { useState } from 'react';
import { notifyError } from '../app/notify';

/**
 * One action at a time behind a button: `busy` while `run`'s action runs; whatever it throws goes
 * to `onError` (by default the red toast, which carries the core's message).
 */
export function useBusy(onError: (e: unknown) => void = notifyError): { busy: boolean; run(action: () => Promise<void>): Promise<void> } {
  const [busy, setBusy] = useState(false);
  async function run(action: () => Promise<void>): Promise<void> {
    setBusy(true);
    try {
      await action();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  }
  return { busy, run };
}
