import type { Api, Channel, Input, Output } from '../../../shared/contract/channels';
import { createHttpApi } from './http-transport';

/** The one way the UI talks to the core: IPC in Electron, HTTP in the browser. */
export const api: Api = window.api ?? createHttpApi('./rpc');

/** A failed call, with the core's Chinese message. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Calls a channel and returns its value, throwing ApiError on failure. */
export async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await api.invoke(channel, input);
  if (!r.ok) throw new ApiError(r.error.code, r.error.message);
  return r.value;
}
