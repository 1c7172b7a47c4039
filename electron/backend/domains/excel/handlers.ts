import type { DomainHandlers } from '../../app/handler-types';
import { exportList } from './export';
import { commitImport, openImport, previewImport } from './import';

/** Customers and units in from the company's own sheet; any list out. */
export const excelHandlers = {
  'import:open': (ctx) => openImport(ctx),
  'import:preview': previewImport,
  'import:commit': commitImport,
  'export:list': exportList,
} satisfies DomainHandlers;
