import type { Channel, OutputOf, ParsedInputOf } from '../../../shared/contract';
import type { ServiceContext } from './context';

/** What answers one channel: the request's context and the parsed input, to the contract's output. */
export type Handler<C extends Channel> = (ctx: ServiceContext, input: ParsedInputOf<C>) => Promise<OutputOf<C>>;

/** The whole table: exactly one handler per channel. */
export type Handlers = { [C in Channel]: Handler<C> };

/**
 * One domain's part of the table, written `{ ... } satisfies DomainHandlers`: each entry is
 * checked against its channel, with no second list of names to keep in step.
 */
export type DomainHandlers = Partial<Handlers>;
