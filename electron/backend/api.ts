import { contract, isChannel, type Channel, type OutputOf, type ParsedInputOf } from '../../shared/contract';
import type { ApiError, Result } from '../../shared/result';
import { fieldErrors } from '../../shared/validation';
import { AppError } from './errors';
import { storageError } from './storage-errors';
import { needsAdmin } from '../../shared/admin-guards';
import { pinRequired, runAsRequest } from './audit-context';
import { RequestGate } from './request-gate';
import { isPinSet, isUnlocked, renewUnlock } from './services/session';
import type { ServiceContext } from './services/context';
import {
  createCustomer,
  deleteCustomer,
  getCustomer,
  listCustomers,
  mergeCustomers,
  setArchived,
  updateCustomer,
} from './services/customers';
import { exportList } from './services/excel-export';
import { commitImport, openImport, previewImport } from './services/excel-import';
import { lookup } from './services/lookup';
import { createModel, createPolicy, listModels, listPolicies, updateModel, updatePolicy } from './services/products';
import {
  createWarrantyCard,
  documentContent,
  listDocuments,
  printDocument,
  saveDocumentAs,
  showDocumentInFolder,
} from './services/documents';
import { getSettings, updateSettings } from './services/settings';
import {
  addExclusion,
  createUnit,
  findUnitsBySerial,
  getUnit,
  listUnitsByCustomer,
  setUnitStatus,
  unitHistory,
  updateUnit,
} from './services/units';
import type { AppInfo } from '../../shared/contract';
import { ticketHandlers } from './api-tickets';
import { ticketDocumentHandlers } from './api-ticket-documents';
import { resourceHandlers } from './api-resources';
import { serviceHandlers } from './api-service';
import { backupHandlers } from './api-backups';
import { healthHandlers } from './api-health';
import { securityHandlers } from './api-security';

export type Handler<C extends Channel> = (ctx: ServiceContext, input: ParsedInputOf<C>) => Promise<OutputOf<C>>;
type Handlers = { [C in Channel]: Handler<C> };
/** One domain's part of the table, kept beside its services. */
export type HandlersFor<C extends Channel> = { [K in C]: Handler<K> };

/** Contract channel → service call. The compiler insists every channel has exactly one. */
export function handlers(info: () => AppInfo): Handlers {
  return {
    'app:info': async () => info(),
    'settings:get': (ctx) => getSettings(ctx.db),
    'settings:update': (ctx, input) => updateSettings(ctx.db, input),
    'customers:create': createCustomer,
    'customers:update': updateCustomer,
    'customers:get': (ctx, input) => getCustomer(ctx.db, input.id),
    'customers:list': listCustomers,
    'customers:archive': (ctx, input) => setArchived(ctx, input.id, true),
    'customers:restore': (ctx, input) => setArchived(ctx, input.id, false),
    'customers:delete': (ctx, input) => deleteCustomer(ctx, input.id),
    'customers:merge': mergeCustomers,
    'policies:list': listPolicies,
    'policies:create': createPolicy,
    'policies:update': updatePolicy,
    'models:list': listModels,
    'models:create': createModel,
    'models:update': updateModel,
    'units:create': createUnit,
    'units:update': updateUnit,
    'units:get': (ctx, input) => getUnit(ctx, input.id),
    'units:listByCustomer': (ctx, input) => listUnitsByCustomer(ctx, input.customerId),
    'units:findBySerial': (ctx, input) => findUnitsBySerial(ctx, input.serial),
    'units:setStatus': setUnitStatus,
    'units:history': (ctx, input) => unitHistory(ctx, input.id),
    'units:addExclusion': addExclusion,
    'search:query': lookup,
    'import:open': (ctx) => openImport(ctx),
    'import:preview': previewImport,
    'import:commit': commitImport,
    'export:list': exportList,
    'documents:warrantyCard': createWarrantyCard,
    'documents:list': listDocuments,
    'documents:content': (ctx, input) => documentContent(ctx, input.id),
    'documents:print': (ctx, input) => printDocument(ctx, input.id),
    'documents:saveAs': (ctx, input) => saveDocumentAs(ctx, input.id),
    'documents:showInFolder': (ctx, input) => showDocumentInFolder(ctx, input.id),
    ...ticketHandlers,
    ...ticketDocumentHandlers,
    ...resourceHandlers,
    ...serviceHandlers,
    ...backupHandlers,
    ...healthHandlers,
    ...securityHandlers,
  };
}

function failure(error: ApiError): Result<never> {
  return { ok: false, error };
}

/**
 * The one entry point for every transport (Electron IPC, the e2e bridge, the demo): checks the
 * channel, validates the input with the contract's schema, calls the service, and answers a
 * Result. A disk that refuses a write answers STORAGE; other unexpected errors are logged in full
 * and reach the caller as INTERNAL, never a stack.
 */
/** Channels that replace the database under everyone else: they run alone (see RequestGate). */
const EXCLUSIVE: ReadonlySet<Channel> = new Set<Channel>(['backups:restore']);

/**
 * The one entry point for every transport (Electron IPC, the e2e bridge, the demo): checks the
 * channel, validates the input with the contract's schema, asks for the admin PIN where the
 * action is guarded, and calls the service inside its request context (who, when, which channel),
 * which the audit triggers stamp on every row it changes. Answers a Result: a disk that refuses a
 * write answers STORAGE; other unexpected errors are logged in full and reach the caller as
 * INTERNAL, never a stack.
 */
export function createDispatcher(ctx: ServiceContext, table: Handlers) {
  const gate = new RequestGate();
  async function run(channel: Channel, input: unknown): Promise<Result<unknown>> {
    try {
      const pinSet = await isPinSet(ctx.db);
      const elevated = pinSet && isUnlocked(ctx);
      if (pinSet && !elevated && needsAdmin(channel, input as never)) throw pinRequired(channel);
      if (elevated && needsAdmin(channel, input as never)) renewUnlock(ctx);
      const handler = table[channel] as (c: ServiceContext, i: unknown) => Promise<unknown>;
      const context = {
        at: ctx.now().getTime(),
        operator: ctx.session.operator ?? '',
        channel,
        elevated,
        pinSet,
        input,
      };
      return { ok: true, value: await runAsRequest(context, () => handler(ctx, input)) };
    } catch (error) {
      if (error instanceof AppError) {
        if (error.code === 'INTERNAL' || error.code === 'PLATFORM') ctx.logger.warn(`${channel}: ${error.message}`);
        return failure({ code: error.code, message: error.message, details: error.details });
      }
      const storage = storageError(error);
      if (storage) {
        ctx.logger.warn(`${channel}: ${storage.message}`);
        return failure({ code: storage.code, message: storage.message, details: storage.details });
      }
      ctx.logger.error(`${channel} failed`, error instanceof Error ? error.stack : error);
      return failure({ code: 'INTERNAL', message: `${channel} failed`, details: {} });
    }
  }
  return async function dispatch(channel: unknown, raw: unknown): Promise<Result<unknown>> {
    if (!isChannel(channel)) {
      return failure({ code: 'VALIDATION', message: `unknown channel ${String(channel).slice(0, 80)}`, details: {} });
    }
    const parsed = contract[channel].input.safeParse(raw);
    if (!parsed.success) {
      return failure({
        code: 'VALIDATION',
        message: `invalid input for ${channel}`,
        details: { fields: fieldErrors(parsed.error) },
      });
    }
    return EXCLUSIVE.has(channel) ? gate.alone(() => run(channel, parsed.data)) : gate.shared(() => run(channel, parsed.data));
  };
}
