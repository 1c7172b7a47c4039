/**
 * Opens the header search with a query from elsewhere (the barcode scanner, when a serial fits
 * several units). A window event keeps the search box the only owner of its state.
 */
const OPEN_SEARCH = 'desk:open-search';

export function openSearch(query: string): void {
  window.dispatchEvent(new CustomEvent<string>(OPEN_SEARCH, { detail: query }));
}

export function onOpenSearch(handler: (query: string) => void): () => void {
  const listener = (event: Event) => handler((event as CustomEvent<string>).detail);
  window.addEventListener(OPEN_SEARCH, listener);
  return () => window.removeEventListener(OPEN_SEARCH, listener);
}

/** What the search knew about an unknown caller: the number (or the name) they gave. */
export interface CallerPrefill {
  phone?: string;
  name?: string;
  /** On to a new repair once the customer is saved (a caller); else just the customer. */
  repair: boolean;
}

const NEW_CALLER = 'desk:new-caller';

/** A caller the desk has never seen: new customer, prefilled, then straight on to the repair. */
export function startNewCaller(prefill: CallerPrefill): void {
  window.dispatchEvent(new CustomEvent<CallerPrefill>(NEW_CALLER, { detail: prefill }));
}

export function onNewCaller(handler: (prefill: CallerPrefill) => void): () => void {
  const listener = (event: Event) => handler((event as CustomEvent<CallerPrefill>).detail);
  window.addEventListener(NEW_CALLER, listener);
  return () => window.removeEventListener(NEW_CALLER, listener);
}

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
