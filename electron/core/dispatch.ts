import { z } from 'zod';
import { contract, isChannel, type Channel, type Output, type ParsedInput } from '../../shared/contract/channels';
import { AppError, type InputIssue, type Result } from '../../shared/contract/errors';
import { createWriteGate } from './write-gate';

z.config(z.locales.zhCN());

/** A handler for every channel of the contract; a missing one fails to compile. */
export type Handlers = { [C in Channel]: (input: ParsedInput<C>) => Promise<Output<C>> | Output<C> };

/** Handlers for a subset of channels (one domain file). */
export type HandlersFor<T> = {
  [C in keyof T & Channel]: (input: ParsedInput<C>) => Promise<Output<C>> | Output<C>;
};

export type Dispatch = (channel: string, raw: unknown) => Promise<Result<unknown>>;

function toIssues(error: z.ZodError): InputIssue[] {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

/** Validates the payload, calls the handler, wraps the answer. Shared by IPC, HTTP and tests. */
export function createDispatch(handlers: Handlers): Dispatch {
  const gate = createWriteGate();
  return async (channel, raw) => {
    if (!isChannel(channel)) return { ok: false, error: { code: 'not_found', message: `未知的请求：${channel}` } };
    const refusal = gate.refusal(channel);
    if (refusal) return { ok: false, error: { code: 'conflict', message: refusal } };
    const parsed = contract[channel].input.safeParse(raw ?? {});
    if (!parsed.success) {
      const issues = toIssues(parsed.error);
      const message = `输入有误：${issues.map((i) => (i.path ? `${i.path}：${i.message}` : i.message)).join('；')}`;
      return { ok: false, error: { code: 'invalid_input', message, issues } };
    }
    try {
      const handler = handlers[channel] as (input: unknown) => unknown;
      return { ok: true, value: await gate.run(channel, () => handler(parsed.data)) };
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: { code: e.code, message: e.message } };
      console.error(`[core] ${channel} failed`, e);
      const message = e instanceof Error ? e.message : String(e);
      return { ok: false, error: { code: 'internal', message: `内部错误：${message}` } };
    }
  };
}
