import type { z } from 'zod';
import type { ApiError, Result } from '../result';
import { adminChannels } from './admin';
import { appChannels } from './app';
import { callChannels } from './calls';
import { attachmentChannels } from './attachments';
import type { ChannelSpec, QueryDomain } from './channel';
import { customerChannels } from './customers';
import { documentChannels } from './documents';
import { excelChannels } from './excel';
import { installationChannels } from './installations';
import { maintenanceChannels } from './maintenance';
import { productChannels } from './products';
import { sampleChannels } from './sample';
import { searchChannels } from './search';
import { serviceDeskChannels } from './service-desk';
import { stockChannels } from './stock';
import { ticketChannels } from './tickets';
import { unitChannels } from './units';
import { reviewChannels } from './review';
import { manualChannels } from './manuals';
import { reportChannels } from './reports';
import { backgroundChannels } from './background';
import { settleChannels } from './settle';

/**
 * Every IPC channel the app has, `domain:verb`, merged from one file per domain. Main-process
 * registration, the dispatcher's PIN guard and exclusive runs, the preload bridge, the renderer
 * client and its cache refresh, and the test bridge are all derived from this object; nothing
 * else may invent a channel.
 */
export const contract = {
  ...appChannels,
  ...adminChannels,
  ...customerChannels,
  ...productChannels,
  ...unitChannels,
  ...searchChannels,
  ...excelChannels,
  ...documentChannels,
  ...ticketChannels,
  ...serviceDeskChannels,
  ...stockChannels,
  ...sampleChannels,
  ...maintenanceChannels,
  ...reviewChannels,
  ...callChannels,
  ...installationChannels,
  ...attachmentChannels,
  ...manualChannels,
  ...reportChannels,
  ...backgroundChannels,
  ...settleChannels,
};

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];

/** What a caller passes: the schema's input side (before defaults and transforms). */
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives: the parsed, normalised value. */
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends Channel> = Contract[C]['output'];

/** The shape of `window.api`: one function per channel, answering a Result. */
export type Api = { [C in Channel]: (input: InputOf<C>) => Promise<Result<OutputOf<C>>> };

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** A channel's spec, loosely typed, for code that iterates over all of them. */
export function specOf(channel: Channel): ChannelSpec {
  return contract[channel] as unknown as ChannelSpec;
}

/** Whether the admin PIN guards this call: the channel always, or for this input. */
export function needsAdmin(channel: Channel, input: unknown): boolean {
  const guard = specOf(channel).admin;
  if (guard === null) return false;
  return guard === true || (guard as (input: unknown) => boolean)(input);
}

/** The channels that need the PIN for every input or for some. */
export const GUARDED_CHANNELS = CHANNELS.filter((c) => specOf(c).admin !== null);

/** The query domains the renderer refetches after a successful call; none after a read. */
export function refreshesAfter(channel: Channel): readonly QueryDomain[] {
  return specOf(channel).refreshes ?? [];
}

// Every channel's first part is a query domain: a write can only refresh what exists.
type Prefix<C> = C extends `${infer D}:${string}` ? D : never;
const _everyPrefixIsADomain: Prefix<Channel> extends QueryDomain ? true : never = true;
void _everyPrefixIsADomain;

export type { AppInfo } from './app';
export type { QueryDomain } from './channel';
export type { ApiError, Result };
