import { exportInput, importSheetInput, type ImportOpened, type ImportPreview, type ImportResult } from '../schemas/excel';
import { none, read, returns, write } from './channel';

export const excelChannels = {
  'import:open': read(none, returns<ImportOpened | null>()),
  'import:preview': read(importSheetInput, returns<ImportPreview>()),
  'import:commit': write(importSheetInput, returns<ImportResult>(), { refreshes: ['customers', 'units', 'models', 'policies', 'search'] }),
  // A filtered list is everyday work; the whole list is "export of everything".
  'export:list': write(exportInput, returns<{ savedTo: string | null; rows: number }>(), {
    refreshes: [],
    admin: (input) => input.query.trim() === '',
  }),
};
