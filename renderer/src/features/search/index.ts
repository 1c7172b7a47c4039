/** The one search box, the barcode scanner, and a way for other screens to open the search with a query. */
export { SearchBox } from './SearchBox';
export { onNewCaller, onNewRepairRequest, openSearch, type CallerPrefill } from './searchBus';
export { startNewRepair } from './newRepair';
export { useBarcodeScanner } from './useBarcodeScanner';
