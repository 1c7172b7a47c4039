import { z } from 'zod';

/**
 * The first part of a channel name (`customers:list` → `customers`). Query keys start with the
 * channel, so a write names the domains whose queries the renderer refetches after it.
 */
export type QueryDomain =
  | 'app'
  | 'settings'
  | 'customers'
  | 'policies'
  | 'models'
  | 'units'
  | 'search'
  | 'import'
  | 'export'
  | 'documents'
  | 'tickets'
  | 'callbacks'
  | 'desk'
  | 'technicians'
  | 'parts'
  | 'loaners'
  | 'loans'
  | 'fees'
  | 'serviceLevels'
  | 'calendar'
  | 'complaints'
  | 'backups'
  | 'health'
  | 'session'
  | 'operators'
  | 'audit'
  | 'sample'
  | 'contracts'
  | 'visits'
  | 'checklists'
  | 'batchPrint'
  | 'renewals'
  | 'review'
  | 'survey'
  | 'calls'
  | 'installations'
  | 'cards'
  | 'attachments'
  | 'manuals'
  | 'reports'
  | 'makers'
  | 'claims'
  | 'feedback'
  | 'settlements'
  | 'scrapping'
  | 'spares'
  | 'settle'
  | 'makerReturns';

/** Guarded always, or only for some inputs (a filtered export is everyday work, the whole list is not). */
export type AdminGuard<In> = true | ((input: In) => boolean);

/**
 * One channel: its input schema, its output type (a phantom only the compiler sees) and what
 * the rest of the app must know about it. The dispatcher, the renderer's cache and the tests
 * read these flags from here, so a new channel cannot forget one of them.
 */
export interface ChannelSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I;
  readonly output: O;
  /** Null for a read; for a write, the domains whose queries are refetched after it succeeds. */
  readonly refreshes: readonly QueryDomain[] | null;
  /** The admin PIN guards it (see the `admin` option of `write`). */
  readonly admin: AdminGuard<z.output<I>> | null;
  /** It replaces the database under everyone else: requests in flight finish first, new ones wait. */
  readonly alone: boolean;
}

/** The output type of a channel, written `returns<Customer>()`: a marker with no value at run time. */
export function returns<O>(): O {
  return undefined as O;
}

/** A channel that changes nothing. */
export function read<I extends z.ZodType, O>(input: I, _output: O): ChannelSpec<I, O> {
  return { input, output: undefined as O, refreshes: null, admin: null, alone: false };
}

export interface WriteOptions<In> {
  /** The domains whose data this write may change, as the renderer shows them. */
  refreshes: readonly QueryDomain[];
  /**
   * The admin PIN guards what deletes or merges records, replaces the database, changes prices,
   * policies or the desk's rules, or carries all the data out. Everyday work never.
   */
  admin?: AdminGuard<In>;
  alone?: boolean;
}

/** A channel that may change stored data (or, for print and save, the world outside the app). */
export function write<I extends z.ZodType, O>(input: I, _output: O, options: WriteOptions<z.output<I>>): ChannelSpec<I, O> {
  return { input, output: undefined as O, refreshes: options.refreshes, admin: options.admin ?? null, alone: options.alone ?? false };
}

/** The empty input of a channel that takes none. */
export const none = z.strictObject({});
