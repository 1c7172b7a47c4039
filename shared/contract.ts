import { z } from 'zod';
import type { ApiError, Result } from './result';
import {
  customerCreateInput,
  customerGetInput,
  customerListInput,
  customerMergeInput,
  customerUpdateInput,
  type Customer,
  type CustomerPage,
  type MergeResult,
} from './schemas/customer';
import {
  modelCreateInput,
  modelListInput,
  modelUpdateInput,
  policyCreateInput,
  policyUpdateInput,
  type ProductModel,
  type WarrantyPolicyRecord,
} from './schemas/product';
import { searchInput, type SearchHit } from './schemas/search';
import {
  exportInput,
  importSheetInput,
  type ImportOpened,
  type ImportPreview,
  type ImportResult,
} from './schemas/excel';
import {
  exclusionInput,
  unitBySerialInput,
  unitCreateInput,
  unitGetInput,
  unitListInput,
  unitStatusInput,
  unitUpdateInput,
  type Unit,
  type UnitStatusChange,
} from './schemas/unit';
import {
  documentIdInput,
  documentListInput,
  warrantyCardInput,
  type DocumentRecord,
  type GeneratedDocument,
} from './schemas/document';
import { settingsUpdateInput, type Settings } from './schemas/settings';

/** The output type travels as a phantom: only the compiler sees it. */
function channel<I extends z.ZodType, O>(input: I): { input: I; output: O } {
  return { input, output: undefined as O };
}
const none = z.strictObject({});

export interface AppInfo {
  version: string;
  dbPath: string;
  documentsDir: string;
  schemaVersion: number;
}

/**
 * Every IPC channel the app has, `domain:verb`. Main-process registration, the preload bridge,
 * the renderer client and the test bridge are all derived from this object; nothing else may
 * invent a channel.
 */
export const contract = {
  'app:info': channel<typeof none, AppInfo>(none),

  'settings:get': channel<typeof none, Settings>(none),
  'settings:update': channel<typeof settingsUpdateInput, Settings>(settingsUpdateInput),

  'customers:create': channel<typeof customerCreateInput, Customer>(customerCreateInput),
  'customers:update': channel<typeof customerUpdateInput, Customer>(customerUpdateInput),
  'customers:get': channel<typeof customerGetInput, Customer>(customerGetInput),
  'customers:list': channel<typeof customerListInput, CustomerPage>(customerListInput),
  'customers:archive': channel<typeof customerGetInput, Customer>(customerGetInput),
  'customers:restore': channel<typeof customerGetInput, Customer>(customerGetInput),
  'customers:delete': channel<typeof customerGetInput, null>(customerGetInput),
  'customers:merge': channel<typeof customerMergeInput, MergeResult>(customerMergeInput),

  'policies:list': channel<typeof none, WarrantyPolicyRecord[]>(none),
  'policies:create': channel<typeof policyCreateInput, WarrantyPolicyRecord>(policyCreateInput),
  'policies:update': channel<typeof policyUpdateInput, WarrantyPolicyRecord>(policyUpdateInput),
  'models:list': channel<typeof modelListInput, ProductModel[]>(modelListInput),
  'models:create': channel<typeof modelCreateInput, ProductModel>(modelCreateInput),
  'models:update': channel<typeof modelUpdateInput, ProductModel>(modelUpdateInput),

  'units:create': channel<typeof unitCreateInput, Unit>(unitCreateInput),
  'units:update': channel<typeof unitUpdateInput, Unit>(unitUpdateInput),
  'units:get': channel<typeof unitGetInput, Unit>(unitGetInput),
  'units:listByCustomer': channel<typeof unitListInput, Unit[]>(unitListInput),
  'units:findBySerial': channel<typeof unitBySerialInput, Unit[]>(unitBySerialInput),
  'units:setStatus': channel<typeof unitStatusInput, Unit>(unitStatusInput),
  'units:history': channel<typeof unitGetInput, UnitStatusChange[]>(unitGetInput),
  'units:addExclusion': channel<typeof exclusionInput, Unit>(exclusionInput),

  'search:query': channel<typeof searchInput, SearchHit[]>(searchInput),

  'import:open': channel<typeof none, ImportOpened | null>(none),
  'import:preview': channel<typeof importSheetInput, ImportPreview>(importSheetInput),
  'import:commit': channel<typeof importSheetInput, ImportResult>(importSheetInput),
  'export:list': channel<typeof exportInput, { savedTo: string | null; rows: number }>(exportInput),

  'documents:warrantyCard': channel<typeof warrantyCardInput, GeneratedDocument>(warrantyCardInput),
  'documents:list': channel<typeof documentListInput, DocumentRecord[]>(documentListInput),
  'documents:content': channel<typeof documentIdInput, { base64: string }>(documentIdInput),
  'documents:print': channel<typeof documentIdInput, { printer: string | null }>(documentIdInput),
  'documents:saveAs': channel<typeof documentIdInput, { savedTo: string | null }>(documentIdInput),
  'documents:showInFolder': channel<typeof documentIdInput, null>(documentIdInput),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];

/** What a caller passes: the schema's input side (before defaults and transforms). */
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives: the parsed, normalised value. */
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends Channel> = Contract[C]['output'];

/** The shape of `window.api`: one function per channel, answering a Result. */
export type Api = { [C in Channel]: (input: InputOf<C>) => Promise<Result<OutputOf<C>>> };

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export type { ApiError, Result };
