import type { AppInfo } from '../../../shared/contract';
import { adminHandlers } from '../domains/admin/handlers';
import { archiveHandlers } from '../domains/archive/handlers';
import { callHandlers } from '../domains/calls/handlers';
import { attachmentHandlers } from '../domains/attachments/handlers';
import { customerHandlers } from '../domains/customers/handlers';
import { excelHandlers } from '../domains/excel/handlers';
import { installationHandlers } from '../domains/installations/handlers';
import { manualHandlers } from '../domains/manuals/handlers';
import { maintenanceHandlers } from '../domains/maintenance/handlers';
import { productHandlers } from '../domains/products/handlers';
import { sampleHandlers } from '../domains/sample/handlers';
import { searchHandlers } from '../domains/search/handlers';
import { serviceDeskHandlers } from '../domains/service-desk/handlers';
import { stockHandlers } from '../domains/stock/handlers';
import { ticketHandlers } from '../domains/tickets/handlers';
import { unitHandlers } from '../domains/units/handlers';
import { reviewHandlers } from '../domains/review/handlers';
import { reportHandlers } from '../domains/reports/handlers';
import { settleHandlers } from '../domains/settle/handlers';
import type { DomainHandlers, Handlers } from './handler-types';

/** Every domain's handlers; a test checks that no channel is answered by two of them. */
export const DOMAIN_HANDLERS: Record<string, DomainHandlers> = {
  admin: adminHandlers,
  archive: archiveHandlers,
  calls: callHandlers,
  attachments: attachmentHandlers,
  customers: customerHandlers,
  excel: excelHandlers,
  installations: installationHandlers,
  maintenance: maintenanceHandlers,
  products: productHandlers,
  sample: sampleHandlers,
  search: searchHandlers,
  serviceDesk: serviceDeskHandlers,
  stock: stockHandlers,
  tickets: ticketHandlers,
  units: unitHandlers,
  review: reviewHandlers,
  manuals: manualHandlers,
  reports: reportHandlers,
  settle: settleHandlers,
};

/** Contract channel → handler. The compiler insists every channel has one, of the right type. */
export function handlers(info: () => AppInfo): Handlers {
  return {
    'app:info': async () => info(),
    ...adminHandlers,
    ...archiveHandlers,
    ...callHandlers,
    ...attachmentHandlers,
    ...customerHandlers,
    ...excelHandlers,
    ...installationHandlers,
    ...maintenanceHandlers,
    ...productHandlers,
    ...sampleHandlers,
    ...searchHandlers,
    ...serviceDeskHandlers,
    ...stockHandlers,
    ...ticketHandlers,
    ...unitHandlers,
    ...reviewHandlers,
    ...manualHandlers,
    ...reportHandlers,
    ...settleHandlers,
  } satisfies Handlers;
}
