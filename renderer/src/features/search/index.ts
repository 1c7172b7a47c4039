/** The one search box, the barcode scanner, and a way for other screens to open the search with a query. */
export { SearchBox } from './SearchBox';
export { openSearch } from './searchBus';
export { useBarcodeScanner } from './useBarcodeScanner';
