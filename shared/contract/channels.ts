import type { z } from 'zod';
import { coreChannels } from './channels/core-channels';
import { itemChannels } from './channels/item-channels';
import { periodChannels } from './channels/period-channels';
import { exchangeChannels } from './channels/exchange-channels';
import { lightsChannels } from './channels/lights-channels';
import { dashboardChannels } from './channels/dashboard-channels';
import { breakdownChannels } from './channels/breakdown-channels';
import { documentChannels } from './channels/document-channels';
import { bulletinChannels } from './channels/bulletin-channels';
import { importChannels } from './channels/import-channels';
import { bulkChannels } from './channels/bulk-channels';
import { counterpartChannels } from './channels/counterpart-channels';
import { docoutChannels } from './channels/docout-channels';
import { followupChannels } from './channels/followup-channels';
import { evaluationChannels } from './channels/evaluation-channels';
import type { Result } from './errors';

/** The single contract between the UI and the core: channel → input and output schemas. */
export const contract = {
  ...coreChannels,
  ...itemChannels,
  ...periodChannels,
  ...exchangeChannels,
  ...lightsChannels,
  ...dashboardChannels,
  ...breakdownChannels,
  ...documentChannels,
  ...bulletinChannels,
  ...importChannels,
  ...bulkChannels,
  ...counterpartChannels,
  ...docoutChannels,
  ...followupChannels,
  ...evaluationChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
/** What the caller sends (before defaults). */
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
/** What the handler receives (after validation and defaults). */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;

/** What the renderer holds: one typed call for every channel. */
export interface Api {
  invoke<C extends Channel>(channel: C, input: Input<C>): Promise<Result<Output<C>>>;
}

export const CHANNELS = Object.keys(contract) as Channel[];

/** True when `name` is a channel of the contract. */
export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
