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
