import { windowMessage } from '../../lib/windowMessage';

/*
 * Requests between screens that share no parent (see windowMessage): the search box and the
 * caller flow stay the only owners of their state.
 */

const searchRequest = windowMessage<string>('desk:open-search');

/** Opens the header search with a query from elsewhere (the barcode scanner, when a serial fits several units). */
export const openSearch = searchRequest.send;
export const onOpenSearch = searchRequest.listen;

/** What the search knew about an unknown caller: the number (or the name) they gave. */
export interface CallerPrefill {
  phone?: string;
  name?: string;
  /** On to a new repair once the customer is saved (a caller); else just the customer. */
  repair: boolean;
}

const newCaller = windowMessage<CallerPrefill>('desk:new-caller');

/** A caller the desk has never seen: new customer, prefilled, then straight on to the repair. */
export const startNewCaller = newCaller.send;
export const onNewCaller = newCaller.listen;

const NEW_REPAIR = 'desk:new-repair';

/**
 * Ctrl+N and the search's "new repair" mean the same everywhere: a page that knows its customer
 * (or unit) takes the request by cancelling the event; answers whether one did.
 */
export function requestNewRepair(): boolean {
  return !window.dispatchEvent(new Event(NEW_REPAIR, { cancelable: true }));
}

export function onNewRepairRequest(handler: () => boolean): () => void {
  const listener = (event: Event) => {
    if (!event.defaultPrevented && handler()) event.preventDefault();
  };
  window.addEventListener(NEW_REPAIR, listener);
  return () => window.removeEventListener(NEW_REPAIR, listener);
}
