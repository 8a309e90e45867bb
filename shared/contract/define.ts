import type { z } from 'zod';

/** One channel: what it takes and what it answers. */
export interface ChannelSpec {
  readonly input: z.ZodType;
  readonly output: z.ZodType;
}

/** Declares a group of channels, keeping their exact schema types. */
export function defineChannels<const T extends Record<string, ChannelSpec>>(channels: T): T {
  return channels;
}
