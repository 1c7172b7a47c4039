import type { CatalogShape } from '../shape';
import type { importGuard as zh } from '../zh-CN/import-guard';

export const importGuard: CatalogShape<typeof zh> = {
  stillImporting: {
    customer: 'This customer is still being imported. Try again in a moment: until the import has finished, its records can be looked at but not changed or used for new work.',
    unit: 'This unit is still being imported. Try again in a moment: until the import has finished, its records can be looked at but not changed or used for new work.',
    model: 'This model is still being imported. Try again in a moment: until the import has finished, it can be looked at but not changed or used for new units.',
  },
  cutShort: {
    note: 'The import of {{file}} on {{at}} was cut short. The {{customers}} customers and {{units}} units it had written could not be taken back, because later work already uses them. They are kept, and none of your records was removed. You can look at this import on the Import page, or undo it once nothing uses it.',
    open: 'Open Import',
    seen: 'Got it',
    badge: 'Cut short',
    hint: 'This import was cut short: only part of the sheet came in. Before undoing it, the desk lists what uses it.',
  },
};
