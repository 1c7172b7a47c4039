import { addDays } from './dates';
import { RENEWAL_DAYS } from './visit-plan';

/** How a contract stands today, as the list's filter counts it (plus one not started yet). */
export type ContractState = 'active' | 'ending' | 'ended' | 'cancelled' | 'upcoming';

/** `today` and the renewal lead time decide "ending": within that many days of its end. */
export function contractState(c: { cancelledAt: number | null; startsOn: string; endsOn: string }, today: string, leadDays = RENEWAL_DAYS): ContractState {
  if (c.cancelledAt !== null) return 'cancelled';
  if (c.endsOn < today) return 'ended';
  if (c.startsOn > today) return 'upcoming';
  return c.endsOn <= addDays(today, leadDays) ? 'ending' : 'active';
}
