import type { Channel, ParsedInputOf } from './contract';

type Guard<C extends Channel> = true | ((input: ParsedInputOf<C>) => boolean);

/**
 * The actions the admin PIN guards: what deletes or merges records, replaces the database,
 * changes prices, policies or the desk's rules, or carries all the data out. Everyday work
 * (tickets, customers, units, parts received) is never behind the PIN. A price change through
 * `parts:update` is guarded inside the parts service, where the old price is known.
 */
export const ADMIN_GUARDS: { [C in Channel]?: Guard<C> } = {
  'customers:delete': true,
  'customers:merge': true,
  'backups:restore': true,
  'backups:chooseFolder': true,
  // The language is the person's own display choice; every other setting is the company's.
  'settings:update': (input) => Object.keys(input).some((key) => key !== 'language' && input[key as keyof typeof input] !== undefined),
  'policies:create': true,
  'policies:update': true,
  'fees:create': true,
  'fees:update': true,
  'serviceLevels:create': true,
  'serviceLevels:update': true,
  'calendar:saveYear': true,
  'calendar:resetYear': true,
  'operators:update': true,
  // A filtered list is everyday work; the whole list is "export of everything".
  'export:list': (input) => input.query.trim() === '',
};

export function needsAdmin<C extends Channel>(channel: C, input: ParsedInputOf<C>): boolean {
  const guard = ADMIN_GUARDS[channel] as Guard<C> | undefined;
  if (guard === undefined) return false;
  return guard === true || guard(input);
}
