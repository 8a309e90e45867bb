import type { CoreContext } from '../context';
import { localDate } from '../context';
import { refreshLightsAhead } from './kept-lights';
import { periodLightsWaiting, refreshPeriodLightsAhead } from './period-lights';

const CHECK_MS = 60_000;
/** Work per turn of the event loop: requests wait at most about this long behind a chunk. */
const BUDGET_MS = 40;

/**
 * Keeps the lights current when the date changes, so no read pays for re-judging every item: on
 * start and at the first check after midnight (every minute), re-judges them ahead in chunks
 * (refreshLightsAhead), then each period's lights that wait (refreshPeriodLightsAhead: a period that
 * ended, a new period, changed settings), yielding to requests between chunks. Returns the stop function.
 */
export function keepLightsAhead(ctx: CoreContext, onError: (e: unknown) => void = (e) => console.error('[lights]', e)): () => void {
  let running = false;
  let stopped = false;
  let pending: NodeJS.Timeout | null = null;
  const step = () => {
    pending = null;
    if (stopped) return;
    try {
      const today = localDate(ctx.now());
      // the kept lights first (概览, the lists), then each period's (the 汇总表), newest first
      if (refreshLightsAhead(ctx.db, today, BUDGET_MS) && refreshPeriodLightsAhead(ctx.db, today, BUDGET_MS)) running = false;
      else pending = setTimeout(step, 0);
    } catch (e) {
      running = false;
      onError(e);
    }
  };
  const check = () => {
    if (running || stopped) return;
    const today = localDate(ctx.now());
    const asOf = ctx.db.prepare('SELECT as_of FROM lights_state WHERE id = 1').pluck().get() as string | undefined;
    if (asOf === today && !periodLightsWaiting(ctx.db, today)) return;
    running = true;
    step();
  };
  const timer = setInterval(check, CHECK_MS);
  timer.unref();
  pending = setTimeout(check, 0);
  return () => {
    stopped = true;
    clearInterval(timer);
    if (pending) clearTimeout(pending);
  };
}
