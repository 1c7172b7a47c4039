import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, contract, type Channel } from '../../shared/contract';
import { openTestBackend, type TestBackend } from '../support/backend';
import { AIRCON_POLICY, person, seedModel } from '../support/sample';

/**
 * Throws thousands of malformed inputs at every IPC channel of a real backend and checks that
 * each one is answered with a Result (VALIDATION or NOT_FOUND), that nothing reaches a service
 * unguarded (no 'error' log line, no INTERNAL) and that the database and the documents folder
 * are byte-for-byte the same afterwards. Deterministic: a seeded PRNG, no Math.random.
 */

/** mulberry32: small, fast and good enough to pick payloads. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  return { next, int, pick };
}
type Rng = ReturnType<typeof prng>;

/** Channels that only read: a mutation that happens to stay valid may answer ok. */
const READ_ONLY = new Set<string>([
  'app:info',
  'settings:get',
  'settings:printers',
  'customers:list',
  'customers:get',
  'search:query',
  'models:list',
  'documents:list',
  'documents:content',
  'policies:list',
  'units:findBySerial',
  'units:history',
  'units:get',
  'units:listByCustomer',
  'tickets:get',
  'tickets:list',
  'callbacks:due',
  'desk:board',
  'technicians:list',
  'technicians:day',
  'parts:list',
  'parts:moves',
  'parts:monthlyReplaced',
  'loaners:list',
  'loans:list',
  'fees:list',
  'serviceLevels:list',
  'calendar:get',
  'complaints:get',
  'complaints:list',
  'serviceLevels:shares',
  'backups:list',
  'backups:inspect',
  'health:status',
  'session:get',
  'operators:list',
  'audit:list',
  'audit:get',
  'audit:facets',
  'policies:presets',
  'import:batches',
  'import:undoCheck',
  'batchPrint:status',
  'installations:list',
  'installations:get',
  'installations:desk',
  'cards:ofUnit',
  'import:cutShort',
]);
/** Channels that open a dialog: the headless platform answers null (cancelled), nothing is written. */
const DIALOG = new Set<string>(['documents:saveAs', 'import:open', 'export:list', 'backups:chooseFolder', 'health:chooseFolder', 'health:saveDiagnostics', 'serviceLevels:exportShares', 'export:customerHistory', 'import:template']);
const ID_FIELDS = ['id', 'keepId', 'mergeId', 'customerId', 'modelId', 'policyId', 'unitId', 'batchId', 'ticketId', 'partId', 'technicianId', 'loanerId', 'leadId', 'ticketPartId', 'feeId', 'serviceLevelId'];
const MISSING_IDS = [999_999, 123_456_789, 2 ** 31, Number.MAX_SAFE_INTEGER];

function deepObject(depth: number): unknown {
  let v: unknown = { leaf: 'x' };
  for (let i = 0; i < depth; i++) v = { a: v, id: 1 };
  return v;
}
function deepArray(depth: number): unknown {
  let v: unknown = ['x'];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

const HUGE = 'x'.repeat(100_000);
const HUGE_CJK = '张'.repeat(100_000);
const STRINGS: unknown[] = [
  '',
  ' ',
  '\t\n',
  HUGE,
  HUGE_CJK,
  ' '.repeat(100_000),
  "'; drop table customers; --",
  "' OR 1=1 --",
  '" OR ""="',
  '../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  'C:\\Windows\\system32',
  '/dev/null',
  'file:///etc/passwd',
  '%',
  '_',
  '%_%',
  '"',
  "'",
  '\\',
  '\u0000',
  'a\u0000b',
  '\u202eevil',
  '\ud800',
  '😀'.repeat(50),
  '<script>alert(1)</script>',
  '${process.exit(1)}',
  '__proto__',
  'constructor',
  'NaN',
  '-1',
  '0',
  '2026-02-30',
  '9999-12-31',
  '0000-00-00',
  '2026-13-01',
  'data:image/png;base64,',
  'data:image/svg+xml;base64,PHN2Zz4=',
  '00000000-0000-0000-0000-000000000000',
  '*',
  'MATCH',
  'NEAR(a b)',
  '"unterminated',
];
const NUMBERS: unknown[] = [
  NaN,
  Infinity,
  -Infinity,
  -1,
  0,
  -0,
  0.5,
  1.5,
  2 ** 53,
  -(2 ** 53),
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  -1e308,
  Number.MIN_VALUE,
  2 ** 31,
  -(2 ** 31),
  ...MISSING_IDS,
];
const OTHERS: unknown[] = [
  null,
  undefined,
  true,
  false,
  [],
  [1, 2, 3],
  [{}],
  [null],
  {},
  { id: 1 },
  deepObject(1000),
  deepArray(1000),
  JSON.parse('{"__proto__":{"polluted":true},"id":1}'),
  Object.create(null),
  new Date(0),
  new Map([['id', 1]]),
  new Set([1]),
  new Uint8Array([1, 2, 3]),
  10n,
  Array.from({ length: 10_000 }, (_, i) => i),
  Array.from({ length: 1000 }, () => ({ phone: '13812345678' })),
];
const POOL = [...STRINGS, ...NUMBERS, ...OTHERS];
const EXTRA_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'extra', 'id', 'sql', '', ' '];

function clone<T>(v: T): T {
  return structuredClone(v);
}

type Path = (string | number)[];
function paths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = [...prefix, Array.isArray(value) ? Number(k) : k];
      out.push(p);
      paths(v, p, out);
    }
  }
  return out;
}
function setAt(root: unknown, path: Path, v: unknown, remove = false) {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else {
    Object.defineProperty(node, last, { value: v, enumerable: true, writable: true, configurable: true });
  }
}

/** One corrupted payload for a channel, built from its valid input. */
function mutate(rng: Rng, valid: Record<string, unknown>): unknown {
  const strategy = rng.int(10);
  const all = paths(valid);
  const top = Object.keys(valid);
  switch (strategy) {
    case 0:
      return rng.pick(POOL); // the whole input replaced
    case 1:
      return rng.pick([[valid], [], [valid, valid], JSON.stringify(valid), null, undefined]); // array / text for an object
    case 2: {
      // one top-level field, wrong value
      if (!top.length) return { [rng.pick(EXTRA_KEYS)]: rng.pick(POOL) };
      const v = clone(valid);
      setAt(v, [rng.pick(top)], rng.pick(POOL));
      return v;
    }
    case 3: {
      // a nested field anywhere, wrong value
      if (!all.length) return rng.pick(POOL);
      const v = clone(valid);
      setAt(v, rng.pick(all), rng.pick(POOL));
      return v;
    }
    case 4: {
      // a field missing
      if (!all.length) return undefined;
      const v = clone(valid);
      setAt(v, rng.pick(all), undefined, true);
      return v;
    }
    case 5: {
      // an extra field
      const v = clone(valid);
      setAt(v, [rng.pick(EXTRA_KEYS)], rng.pick(POOL));
      return v;
    }
    case 6: {
      // ids at the edges
      const ids = top.filter((k) => ID_FIELDS.includes(k));
      const v = clone(valid);
      const key = ids.length ? rng.pick(ids) : rng.pick(EXTRA_KEYS);
      setAt(v, [key], rng.pick([...NUMBERS, String(valid[key] ?? '1'), [valid[key]], { id: valid[key] }]));
      return v;
    }
    case 7: {
      // strings at the edges, in string fields
      const strings = all.filter((p) => typeof p.reduce<unknown>((n, k) => (n as Record<string | number, unknown>)[k], valid) === 'string');
      if (!strings.length) return rng.pick(STRINGS);
      const v = clone(valid);
      setAt(v, rng.pick(strings), rng.pick(STRINGS));
      return v;
    }
    case 8: {
      // two or three corruptions at once
      const v = clone(valid);
      const n = 2 + rng.int(2);
      for (let i = 0; i < n && all.length; i++) {
        const p = rng.pick(all);
        try {
          setAt(v, p, rng.pick(POOL));
        } catch {
          // the parent was itself replaced by a primitive: that is corruption enough
        }
      }
      return v;
    }
    default: {
      // a valid shape with every leaf's type swapped
      const v = clone(valid);
      for (const p of all) {
        try {
          setAt(v, p, rng.pick([null, true, 0, 'x', [], {}]));
        } catch {
          // see above
        }
      }
      return v;
    }
  }
}

function isValid(channel: Channel, input: unknown) {
  return contract[channel].input.safeParse(input).success;
}

/**
 * A write channel must never succeed here. When a corruption happens to leave a valid input
 * (an injection string is a fine customer name), point it at records that do not exist, so
 * the service itself is exercised and must answer NOT_FOUND; with no id to point, add an
 * unknown field so validation refuses it.
 */
function neutralise(rng: Rng, channel: Channel, input: unknown): { input: unknown; neutralised: boolean } {
  if (READ_ONLY.has(channel) || DIALOG.has(channel) || channel.startsWith('import:')) return { input, neutralised: false };
  if (!isValid(channel, input)) return { input, neutralised: false };
  const v = clone(input) as Record<string, unknown>;
  const ids = Object.keys(v).filter((k) => ID_FIELDS.includes(k) && typeof v[k] === 'number');
  if (ids.length) {
    const chosen = ids.filter(() => rng.next() < 0.5);
    for (const k of chosen.length ? chosen : [rng.pick(ids)]) v[k] = rng.pick(MISSING_IDS);
  } else {
    v.fuzz = rng.pick(POOL);
  }
  return { input: v, neutralised: true };
}

let backend: TestBackend;
let valid: Record<Channel, Record<string, unknown>>;

function tableHashes() {
  const tables = backend.store.sqlite
    .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`)
    .all() as { name: string }[];
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    // WITHOUT ROWID tables have no rowid: those are ordered by every column instead.
    let order = 'rowid';
    try {
      backend.store.sqlite.prepare(`select rowid from "${name}" limit 0`);
    } catch {
      const cols = (backend.store.sqlite.prepare(`select count(*) as n from pragma_table_info(?)`).get(name) as { n: number }).n;
      order = Array.from({ length: cols }, (_, i) => i + 1).join(', ');
    }
    const rows = backend.store.sqlite.prepare(`select * from "${name}" order by ${order}`).all();
    out[name] = createHash('sha256').update(JSON.stringify(rows)).digest('hex');
  }
  return out;
}
function folderListing(dir: string) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .sort()
    .map((f) => {
      const full = join(dir, f);
      const st = statSync(full);
      return st.isFile() ? `${f} ${st.size} ${createHash('sha256').update(readFileSync(full)).digest('hex')}` : `${f}/`;
    });
}

beforeAll(async () => {
  backend = await openTestBackend(undefined, () => new Date('2026-11-22T09:30:00+08:00'));
  await backend.ok('session:begin', { operator: '王芳' });
  await backend.ok('settings:update', { companyName: 'Anxin Service Co.', hotline: '400-800-1234', complaintLine: '0571-88886666', language: 'zh-CN' });
  const model = await seedModel(backend);
  const c1 = await backend.ok('customers:create', person({ tags: ['vip'] }));
  const c2 = await backend.ok('customers:create', person({ name: 'Li Si', phones: [{ phone: '13900001111', label: 'mobile' }] }));
  const unit = await backend.ok('units:create', {
    customerId: c1.id,
    modelId: model.id,
    serial: 'GL2026A0001',
    purchaseDate: '2026-03-01',
    acceptanceDate: '2026-03-05',
    invoiceNumber: 'FP-0001',
  });
  const doc = await backend.ok('documents:warrantyCard', { unitId: unit.id, paper: 'A4', language: 'zh-CN' });
  const settings = await backend.ok('settings:get', {});
  const tech = await backend.ok('technicians:create', { name: 'Li', phone: '13900002222', skills: ['AC'] });
  const part = await backend.ok('parts:create', { partNumber: 'PCB-1', name: 'Board', costFen: 100, priceFen: 200, quantity: 5 });
  const loaner = await backend.ok('loaners:create', { name: 'Loaner AC 1', model: 'KFR-35GW' });
  const [fee] = await backend.ok('fees:list', {});
  const [level] = await backend.ok('serviceLevels:list', {});
  const ticket = await backend.ok('tickets:create', { customerId: c1.id, unitId: unit.id, faultReported: 'no cooling', faultCategory: 'notCooling' });
  await backend.ok('tickets:assign', { id: ticket.id, technicianIds: [tech.id] });
  await backend.ok('tickets:transition', { id: ticket.id, to: 'answered' });
  await backend.ok('tickets:transition', { id: ticket.id, to: 'dispatched' });
  await backend.ok('tickets:transition', { id: ticket.id, to: 'onSite' });
  const withPart = await backend.ok('tickets:addPart', { id: ticket.id, partId: part.id, quantity: 1 });
  const loan = await backend.ok('loans:issue', { ticketId: ticket.id, loanerId: loaner.id, expectedReturn: '2026-12-01', receivedUnit: 'unit and remote' });
  const complaint = await backend.ok('complaints:create', { channel: 'phone', content: 'slow visit', ticketId: ticket.id });
  const contract = await backend.ok('contracts:create', {
    customerId: c1.id,
    unitIds: [unit.id],
    kind: 'paid',
    startsOn: '2026-12-01',
    endsOn: '2027-11-30',
    priceFen: 120_000,
    plan: [{ kind: 'inspection', repeat: 'quarter', from: '2026-12-01', to: '2027-11-30' }],
  });
  const visit = contract.visits[0]!;
  const checklist = await backend.ok('checklists:create', {
    name: 'AC quarterly',
    category: model.category,
    items: [
      { key: 'filter', text: 'Filter', standard: 'clean', answer: 'check', kinds: ['inspection'] },
      { key: 'pressure', text: 'Pressure', standard: '0.8-1.2', answer: 'reading', unit: 'MPa', min: 0.8, max: 1.2, kinds: ['inspection'] },
    ],
  });
  const findingVisit = contract.visits[1]!;
  // Installation: one job to change, one accepted (its certificate), for a unit bought unaccepted.
  const newUnit = await backend.ok('units:create', { customerId: c1.id, modelId: model.id, serial: 'GL2026A0009', purchaseDate: '2026-11-01' });
  const newUnit2 = await backend.ok('units:create', { customerId: c1.id, modelId: model.id, serial: 'GL2026A0010', purchaseDate: '2026-11-01' });
  const newUnit3 = await backend.ok('units:create', { customerId: c1.id, modelId: model.id, serial: 'GL2026A0011', purchaseDate: '2026-11-01' });
  const installation = await backend.ok('installations:create', { customerId: c1.id, unitIds: [newUnit.id], appointmentOn: '2026-11-20' });
  const accepted = await backend.ok('installations:create', { customerId: c1.id, unitIds: [newUnit2.id], appointmentOn: '2026-11-20' });
  await backend.ok('installations:accept', { id: accepted.id, acceptedOn: '2026-11-21', acceptedBy: '张工' });
  const manualDoc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '开机前检查电源。' }] }] };
  const manualBody = { zh: { description: manualDoc, operation: manualDoc, troubleshooting: manualDoc }, en: null };
  const manualContent = await backend.ok('manuals:save', { modelId: model.id, body: manualBody });
  const manualIssue = await backend.ok('manuals:issue', { installationId: accepted.id, paper: 'A5', language: 'zh-CN' });
  await backend.ok('visits:record', { id: findingVisit.id, units: [{ unitId: unit.id, items: [{ key: 'pressure', reading: 0.5 }] }] });
  const calendar = await backend.ok('calendar:get', {});
  const year2026 = calendar.years.find((y) => y.year === 2026)!;
  const backup = await backend.ok('backups:create', {});
  const [change] = (await backend.ok('audit:list', {})).items;
  const [operator] = await backend.ok('operators:list', {});
  const unitFields = {
    customerId: c1.id,
    modelId: model.id,
    serial: 'GL2026B0002',
    purchaseDate: '2026-03-01',
    installDate: '2026-03-02',
    acceptanceDate: '2026-03-05',
    productionDate: '2026-01-01',
    invoiceNumber: 'FP-0002',
    siteAddress: 'Room 1',
    locationNote: 'roof',
  };
  const importSheet = {
    token: '6f1c2a9e-0d1b-4a8e-9c55-2b7f8e1d3a40',
    sheet: 'Sheet1',
    mapping: { customerName: 0, phone: 1, serial: 2 },
    categoryPolicies: [{ category: 'AC', policyId: model.policyId }],
    customerChoices: [{ row: 2, choice: { customerId: c1.id } }, { row: 3, choice: 'skip' }],
  };
  valid = {
    'app:info': {},
    'settings:get': {},
    'settings:update': { ...settings, setupDone: true, companyName: 'Another Co.' },
    'settings:printers': {},
    'customers:create': { ...person({ name: 'Wang Wu', phones: [{ phone: '13700002222', label: null }], tags: ['new'], note: 'n' }) },
    'customers:update': { id: c1.id, ...person({ name: 'Zhang San Feng' }) },
    'customers:get': { id: c1.id },
    'customers:list': { query: 'Li', region: 'urban', tag: 'vip', includeArchived: true, limit: 10, offset: 0 },
    'customers:archive': { id: c1.id },
    'customers:restore': { id: c2.id },
    'customers:delete': { id: c2.id },
    'customers:merge': { keepId: c1.id, mergeId: c2.id },
    'policies:list': {},
    'policies:create': { ...AIRCON_POLICY, name: 'Another policy' },
    'policies:presets': { language: 'zh-CN' },
    'policies:addPresets': { ids: ['projector'], language: 'zh-CN' },
    'sample:status': {},
    'sample:load': { language: 'en' },
    'sample:remove': {},
    'policies:update': { id: model.policyId, ...AIRCON_POLICY },
    'models:list': { query: 'KFR' },
    'models:create': { brand: 'Midea', model: 'KFR-26GW', category: 'AC', policyId: model.policyId },
    'models:update': { id: model.id, brand: 'Gree', model: 'KFR-35GW/2', category: 'AC', policyId: model.policyId },
    'units:create': unitFields,
    'units:update': { id: unit.id, ...unitFields },
    'units:get': { id: unit.id },
    'units:listByCustomer': { customerId: c1.id },
    'units:findBySerial': { serial: 'GL2026A0001' },
    'units:setStatus': { id: unit.id, status: 'atWorkshop', note: 'fan noise' },
    'units:history': { id: unit.id },
    'units:addExclusion': { unitId: unit.id, reason: 'misuse', componentKey: 'compressor', decidedOn: '2026-04-01', note: 'dropped' },
    'search:query': { query: 'GL2026', limit: 10 },
    'import:open': {},
    'import:preview': importSheet,
    'import:commit': importSheet,
    // No import has been made here: every batch named is one that does not exist.
    'import:batches': {},
    'import:undoCheck': { batchId: 1 },
    'import:undo': { batchId: 1 },
    'export:list': { list: 'customers', query: '' },
    'import:encoding': { token: importSheet.token, encoding: 'gb18030' },
    'export:customerHistory': { customerId: c1.id },
    'import:template': { language: 'en' },
    'import:ticketsPreview': { token: importSheet.token, sheet: importSheet.sheet, mapping: {} },
    'import:ticketsCommit': { token: importSheet.token, sheet: importSheet.sheet, mapping: {} },
    'import:cutShort': {},
    'import:cutShortSeen': { batchId: 1 },
    'documents:warrantyCard': { unitId: unit.id, paper: 'A5', language: 'en' },
    'documents:list': { kind: 'warrantyCard', recordType: 'unit', recordId: unit.id, limit: 10 },
    'documents:content': { id: doc.id },
    'documents:print': { id: doc.id },
    'documents:saveAs': { id: doc.id },
    'documents:showInFolder': { id: doc.id },
    'documents:dispatchOrder': { ticketId: ticket.id, paper: 'A4', language: 'zh-CN' },
    'documents:repairReceipt': { ticketId: ticket.id, copy: 'intake', paper: 'C241', language: 'en' },
    'tickets:create': { source: 'phone', customerId: c1.id, unitId: unit.id, faultReported: 'noise', faultCategory: 'noise', severity: 'major', contactName: 'Zhang', contactPhone: '13812345678', siteAddress: 'Room 1', parts: [{ partId: part.id, quantity: 1 }] },
    'tickets:get': { id: ticket.id },
    'tickets:list': { scope: 'all', statuses: ['new'], severity: 'major', customerId: c1.id, technicianId: tech.id, from: '2026-01-01', to: '2026-12-31', sort: 'due', direction: 'asc', limit: 10, offset: 0 },
    'tickets:update': { id: ticket.id, faultReported: 'loud noise', bring: 'gauge' },
    'tickets:transition': { id: ticket.id, to: 'waitingParts', note: 'board ordered' },
    'tickets:assign': { id: ticket.id, technicianIds: [tech.id], leadId: tech.id },
    'tickets:appoint': { id: ticket.id, date: '2026-11-23', from: '09:00', to: '11:00' },
    'tickets:recordWork': { id: ticket.id, diagnosis: 'capacitor', cause: 'age', action: 'replaced', onSiteMinutes: 40, unfixedDowntime: false },
    'tickets:addPart': { id: ticket.id, partId: part.id, quantity: 1, inWarranty: true, componentKey: 'whole' },
    'tickets:removePart': { id: ticket.id, ticketPartId: withPart.parts[0]!.id },
    'tickets:setPartFitted': { id: ticket.id, ticketPartId: withPart.parts[0]!.id, fittedOn: '2026-09-01' },
    'tickets:setCharges': { id: ticket.id, labour: [{ feeId: fee!.id, name: 'repair', amountFen: 100, quantity: 1 }], travelFen: 0, discountFen: 0, paidFen: 0, lifetimeMaintenance: false },
    'tickets:overrideWarranty': { id: ticket.id, inWarranty: false, exclusionReason: 'misuse', note: 'dropped' },
    'tickets:sanbaoPath': { id: ticket.id, path: 'replace', note: 'agreed' },
    'callbacks:record': { ticketId: ticket.id, reached: true, satisfaction: 5, comments: 'ok', answers: [{ questionId: 1, score: 4 }] },
    'callbacks:due': { on: '2026-11-22' },
    'desk:board': {},
    'technicians:list': { includeInactive: true },
    'technicians:create': { name: 'Wang', phone: '13900003333', skills: [], certificateNo: 'C-1' },
    'technicians:update': { id: tech.id, name: 'Li Lei', phone: '13900002222', skills: ['AC'], active: true },
    'technicians:day': { date: '2026-11-22', technicianId: tech.id },
    'parts:list': { query: 'PCB', lowStockOnly: false, includeInactive: true, limit: 10 },
    'parts:create': { partNumber: 'CAP-1', name: 'Capacitor', costFen: 10, priceFen: 20, quantity: 1 },
    'parts:update': { id: part.id, partNumber: 'PCB-1', name: 'Main board', costFen: 100, priceFen: 250, reorderLevel: 1 },
    'parts:receive': { partId: part.id, quantity: 2, note: 'delivery' },
    'parts:adjust': { partId: part.id, delta: -1, note: 'count' },
    'parts:moves': { id: part.id },
    'parts:monthlyReplaced': { month: '2026-11' },
    'loaners:list': {},
    'loaners:create': { name: 'Loaner AC 2' },
    'loaners:update': { id: loaner.id, name: 'Loaner AC 1', model: 'KFR-35GW', serial: 'L1' },
    'loans:issue': { ticketId: ticket.id, loanerId: null, note: 'none left' },
    'loans:return': { id: loan.id },
    'loans:list': { openOnly: true },
    'fees:list': {},
    'fees:create': { name: 'Night call', amountFen: 5000 },
    'fees:update': { id: fee!.id, name: 'Inspection', amountFen: 6000, active: true },
    'serviceLevels:list': {},
    'serviceLevels:create': { name: 'Gold', isDefault: false, terms: level!.terms },
    'serviceLevels:update': { id: level!.id, name: level!.name, isDefault: true, terms: level!.terms },
    'calendar:get': {},
    'calendar:saveYear': { year: 2026, holidays: year2026.holidays, workdays: year2026.workdays },
    'calendar:resetYear': { year: 2026 },
    'complaints:create': { channel: 'phone', content: 'rude', customerId: c1.id, ticketId: ticket.id, handler: 'Boss' },
    'complaints:update': { id: complaint.id, handler: 'Boss', answered: true, step: 'called', resolution: null, verdict: null },
    'complaints:get': { id: complaint.id },
    'complaints:list': { openOnly: false, limit: 10 },
    'complaints:close': { id: complaint.id },
    'serviceLevels:shares': { from: '2026-11-01', to: '2026-11-30' },
    'serviceLevels:exportShares': { from: '2026-11-01', to: '2026-11-30' },
    'contracts:list': { query: 'WB', customerId: c1.id, status: 'all', limit: 10 },
    'contracts:get': { id: contract.id },
    'contracts:create': {
      customerId: c1.id,
      unitIds: [unit.id],
      kind: 'warranty',
      startsOn: '2028-01-01',
      endsOn: '2028-12-31',
      serviceLevelId: level!.id,
      priceFen: 0,
      paymentTerms: 'none',
      note: 'n',
      plan: [{ kind: 'callback', repeat: 'months', n: 1, from: '2028-01-01', to: '2028-12-31' }],
    },
    'contracts:update': {
      id: contract.id,
      customerId: c1.id,
      unitIds: [unit.id],
      kind: 'paid',
      startsOn: '2026-12-01',
      endsOn: '2027-11-30',
      priceFen: 150_000,
      plan: [{ kind: 'maintenance', repeat: 'after', offsets: [6], from: '2026-12-01', to: '2027-11-30' }],
    },
    'contracts:cancel': { id: contract.id, reason: 'moved away' },
    'visits:list': { from: '2026-12-01', to: '2027-12-31', status: 'due', overdue: false, technicianId: tech.id, customerId: c1.id, limit: 10 },
    'visits:get': { id: visit.id },
    'visits:move': { id: visit.id, dueOn: '2026-12-16', reason: 'customer away' },
    'visits:assign': { id: visit.id, technicianId: tech.id },
    'visits:close': { id: visit.id, status: 'done', notes: 'all fine' },
    'visits:inspection': { id: visit.id },
    'visits:record': {
      id: visit.id,
      arrivedAt: new Date('2026-11-22T08:00:00+08:00').getTime(),
      leftAt: new Date('2026-11-22T09:00:00+08:00').getTime(),
      technicianId: tech.id,
      units: [{ unitId: unit.id, items: [{ key: 'filter', answer: 'ok', remark: 'cleaned' }, { key: 'pressure', reading: 1.0 }] }],
      fixedOnSpot: 'filter cleaned',
      advice: 'none',
      feedback: 'good',
      signedBy: 'Zhang',
      finish: true,
    },
    'visits:openTicket': { id: findingVisit.id, unitId: unit.id, key: 'pressure' },
    'documents:inspectionForm': { visitId: findingVisit.id, filled: true, paper: 'A5', language: 'en' },
    'documents:faultStats': { customerId: c1.id, year: 2026, quarter: 4, paper: 'A4', language: 'zh-CN' },
    'documents:inspectionPlan': { contractId: contract.id, year: 2027, paper: 'A5', language: 'en' },
    'batchPrint:start': { what: 'forms', from: '2026-12-01', to: '2027-03-31', technicianId: tech.id, split: 'one', paper: 'A4', language: 'zh-CN' },
    'batchPrint:status': { jobId: 999 },
    'batchPrint:cancel': { jobId: 999 },
    'renewals:list': {},
    'renewals:contract': { id: contract.id },
    'renewals:renew': { id: contract.id },
    'renewals:decline': { contractId: contract.id, declinedOn: '2026-11-22', note: 'not now' },
    'renewals:offerVisit': { contractId: contract.id },
    'documents:renewalNotice': { contractId: contract.id, paper: 'A5', language: 'en' },
    'documents:serviceEndNote': { unitId: unit.id, paper: 'A4', language: 'zh-CN' },
    'calls:log': { customerId: c1.id, unitId: unit.id, purpose: 'consultation', outcome: 'solvedByPhone', notes: 'filter cleaning' },
    'calls:day': {},
    'calls:week': { weekOf: '2026-11-22' },
    'calls:solveTicket': { ticketId: ticket.id, advice: 'reset the breaker' },
    'calls:rules': {},
    'calls:setRules': { phoneTargetPct: 85 },
    'calls:export': { weekOf: null },
    'documents:callSummary': { weekOf: '2026-11-22', paper: 'A5', language: 'en' },
    'checklists:list': {},
    'checklists:get': { id: checklist.id },
    'checklists:create': { name: 'Projector', category: 'Projector', items: [{ key: 'lamp', text: 'Lamp hours', standard: '< 3000 h', answer: 'reading', unit: 'h', max: 3000, kinds: ['maintenance'] }] },
    'checklists:update': { id: checklist.id, name: 'AC quarterly v2', category: model.category, items: [{ key: 'filter', text: 'Filter', standard: 'clean', answer: 'check', kinds: ['inspection', 'maintenance'] }] },
    'checklists:archive': { id: checklist.id },
    'attachments:list': { record: { type: 'ticket', id: ticket.id } },
    'attachments:pick': { record: { type: 'unit', id: unit.id } },
    'attachments:add': { record: { type: 'ticket', id: ticket.id }, name: 'dot.png', data: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==' },
    'attachments:open': { id: 1 },
    'attachments:delete': { id: 1 },
    'attachments:check': {},
    'health:background': {},
    'desk:active': {},
    'backups:list': {},
    'backups:create': {},
    'backups:inspect': { file: backup.file },
    'backups:restore': { file: backup.file },
    'backups:chooseFolder': {},
    // A backup that is not there: the fuzz must not delete the one it restores from.
    'backups:delete': { file: 'desk-2000-01-01T0000-manual.sqlite' },
    'health:status': {},
    'health:check': {},
    'health:retry': {},
    'health:restore': { file: backup.file },
    'health:chooseFolder': {},
    'health:saveDiagnostics': { includeData: false },
    'session:get': {},
    'session:begin': { operator: '李娜' },
    'session:unlock': { pin: '2580' },
    'session:lock': {},
    'session:setPin': { current: null, next: '2580' },
    'session:recover': { code: '7K3M-QX9P-2HDR-W4TN' },
    'session:newRecoveryCode': { current: '2580' },
    'session:keepRecoveryCode': { code: '7K3M-QX9P-2HDR-W4TN', how: 'save', language: 'zh-CN' },
    'operators:list': {},
    'operators:update': { id: operator!.id, name: '王芳', active: true },
    'audit:list': { from: '2026-11-01', to: '2026-11-30', operator: '王芳', channel: 'tickets:create', table: 'tickets', text: 'cooling', rowId: '1', page: 1, pageSize: 50 },
    'audit:get': { id: change!.id },
    'audit:facets': {},
    'review:settings': {},
    'review:configure': { supervisorCheck: true },
    'review:approve': { ticketId: ticket.id, supervisor: '张主管', remark: 'ok', at: null },
    'review:waiting': {},
    'survey:questions': { includeRetired: true },
    'survey:save': { questions: [{ id: null, kind: 'score', text: 'On time?', active: true }] },
    'survey:satisfaction': { from: '2026-11-01', to: '2026-11-30', technicianId: tech.id },
    'survey:answers': { technicianId: tech.id, from: '2026-11-01', to: '2026-11-30' },
    'survey:export': { from: '2026-11-01', to: '2026-11-30' },
    'installations:list': { customerId: c1.id, status: 'planned', limit: 10 },
    'installations:get': { id: installation.id },
    'installations:create': { customerId: c1.id, unitIds: [newUnit3.id], siteAddress: 'Plant 2', appointmentOn: '2026-11-25', technicianIds: [tech.id], workDone: 'piping', note: 'n' },
    'installations:update': { id: installation.id, siteAddress: 'Plant 1', appointmentOn: '2026-11-20', technicianIds: [tech.id], workDone: 'wiring', note: 'n' },
    'installations:notice': { id: installation.id, sentOn: '2026-11-13' },
    'installations:trial': { id: installation.id, startsOn: '2026-11-20', endsOn: '2026-11-21', result: 'passed', note: 'ran 24 h' },
    'installations:accept': { id: installation.id, acceptedOn: '2026-11-22', acceptedBy: '张工' },
    'installations:cancel': { id: installation.id },
    'installations:desk': {},
    'documents:acceptanceCertificate': { installationId: accepted.id, paper: 'A5', language: 'en' },
    'cards:ofUnit': { unitId: unit.id },
    'cards:issue': { documentId: doc.id, issuedOn: '2026-11-22', how: 'handed' },
    'cards:slipBack': { documentId: doc.id, returnedOn: '2026-11-22' },
    'cards:scanSlip': { scanned: doc.number, returnedOn: null },
    'manuals:contents': {},
    'manuals:content': { modelId: model.id },
    'manuals:version': { versionId: manualContent.versionId! },
    'manuals:save': { modelId: null, category: 'AC', body: manualBody },
    'manuals:image': { dataUrl: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==' },
    'manuals:check': { installationId: accepted.id },
    'manuals:issue': { installationId: accepted.id, paper: 'A4', language: 'en' },
    'manuals:reprint': { issueId: manualIssue.issueId },
    'manuals:issued': { installationId: accepted.id },
    'manuals:unitValues': { unitId: newUnit2.id },
    'manuals:saveUnitValues': { unitId: newUnit2.id, values: [{ label: '制冷设定温度', value: '26 °C', note: null }] },
    'reports:bundle': { from: '2026-11-01', to: '2026-11-30', customerId: c1.id, modelIds: null },
    'reports:deskWarnings': {},
    'reports:settings': {},
    'reports:configure': { repeatWindowDays: 30, rateThresholdX100: 1000, risePercent: 50, minFailures: 3 },
    'reports:export': { from: '2026-11-01', to: '2026-11-30', language: 'en' },
    'documents:reportPack': { from: '2026-11-01', to: '2026-11-30', customerId: c1.id, language: 'en' },
    'makers:list': {},
    'makers:create': { name: 'Gree service department', returnsDueDay: 5 },
    'makers:update': { id: 1, name: 'Gree service', returnsDueDay: 6 },
    'makers:models': {},
    'makers:setModelMaker': { modelId: model.id, makerId: null },
    'makers:discontinueModel': { modelId: model.id, discontinuedOn: null },
    'claims:candidates': { makerId: 1 },
    'claims:list': {},
    'claims:get': { id: 1 },
    'claims:create': { makerId: 1 },
    'claims:send': { id: 1, waybill: 'SF100', sentOn: '2026-11-22' },
    'claims:check': { id: 1, checkedOn: '2026-11-22', lines: [{ lineId: 1, decision: 'accepted' }] },
    'claims:receive': { id: 1, receivedOn: '2026-11-22', lines: [{ lineId: 1, quantity: 1 }] },
    'claims:oldPart': { lineId: 1, fate: 'kept', on: '2026-11-22' },
    'feedback:list': {},
    'feedback:create': { ticketId: ticket.id, problem: 'Compressor noise on a batch' },
    'feedback:answer': { id: 1, answer: 'Batch recalled', answeredOn: '2026-11-22' },
    'settlements:preview': { ticketId: ticket.id, priceFen: 100_000 },
    'settlements:get': { id: 1 },
    'settlements:forTicket': { id: ticket.id },
    'settlements:refund': { ticketId: ticket.id, priceFen: 100_000 },
    'settlements:exchange': { ticketId: ticket.id, priceFen: 100_000, newSerial: 'NEW-1' },
    'scrapping:list': {},
    'scrapping:loansOut': { unitId: unit.id },
    'scrapping:create': { kind: 'part', partId: part.id, quantity: 1, reason: 'broken', assessment: 'cannot be repaired', disposal: 'recycled', approvedBy: 'Manager' },
    'spares:levels': {},
    'spares:setShare': { partId: part.id, modelId: model.id, sharePct: 3 },
    'settle:desk': {},
    'settle:settings': {},
    'settle:setSettings': { depreciationBp: 10, feedbackAnswerDays: 3 },
    'documents:settlementForm': { id: 1, paper: 'A4', language: 'en' },
    'documents:scrapRecord': { id: 1, paper: 'A4', language: 'en' },
    'documents:feedbackForm': { id: 1, paper: 'A4', language: 'en' },
    'documents:claimForm': { id: 1, paper: 'A4', language: 'en' },
    'documents:feeList': { copy: 'counter', paper: 'A4', language: 'en' },
    'makerReturns:list': {},
    'makerReturns:pack': { makerId: 1, month: '2026-10' },
    'makerReturns:export': { makerId: 1, month: '2026-10', language: 'en' },
    'makerReturns:markSent': { makerId: 1, month: '2026-10', sentOn: '2026-11-03', sentHow: 'fax' },
    'documents:makerReturns': { makerId: 1, month: '2026-10', paper: 'A4', language: 'en' },
  };
});
afterAll(async () => {
  await backend.close();
});

describe('fuzzing every IPC channel', () => {
  it('has a valid input for every channel (so the mutations start from real shapes)', () => {
    expect(Object.keys(valid).sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) expect(isValid(channel, valid[channel]), channel).toBe(true);
  });

  it('answers every malformed payload with VALIDATION or NOT_FOUND and changes nothing', async () => {
    const started = Date.now();
    const beforeTables = tableHashes();
    const beforeFiles = folderListing(join(backend.dir, 'documents'));
    expect(Object.keys(beforeTables)).toContain('search_keys');
    const logStart = backend.logger.lines.length;
    const rng = prng(0x5eed_f022);

    const codes: Record<string, number> = {};
    const readOnlyOk: Record<string, number> = {};
    const perChannel: Record<string, number> = {};
    const problems: string[] = [];
    let sent = 0;
    let neutralised = 0;

    const send = async (channel: unknown, input: unknown, expectOkAllowed: boolean) => {
      sent++;
      const label = String(channel);
      perChannel[label] = (perChannel[label] ?? 0) + 1;
      let result: Awaited<ReturnType<TestBackend['invoke']>>;
      try {
        result = await backend.invoke(channel as Channel, input as never);
      } catch (error) {
        problems.push(`${label}: threw ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
      if (!result || typeof result !== 'object' || typeof result.ok !== 'boolean') {
        problems.push(`${label}: not a Result`);
        return;
      }
      if (result.ok) {
        if (expectOkAllowed) readOnlyOk[label] = (readOnlyOk[label] ?? 0) + 1;
        else problems.push(`${label}: succeeded with ${describeInput(input)}`);
        return;
      }
      codes[result.error.code] = (codes[result.error.code] ?? 0) + 1;
      if (result.error.code !== 'VALIDATION' && result.error.code !== 'NOT_FOUND') {
        problems.push(`${label}: ${result.error.code} ${result.error.message} with ${describeInput(input)}`);
      }
    };

    // Unknown channel names, and names that are not strings at all.
    const unknown: unknown[] = ['__proto__', 'constructor', 'customers:drop', 'toString', 'hasOwnProperty', '', 'app:info ', 'APP:INFO', HUGE, null, undefined, 1, {}, ['app:info'], Symbol.iterator];
    for (const channel of unknown) for (const input of [{}, undefined, null, valid['app:info'], deepObject(1000)]) await send(channel, input, false);

    const at = (root: unknown, path: Path) => path.reduce<unknown>((n, k) => (n as Record<string | number, unknown>)[k], root);
    const PER_CHANNEL = 300;
    for (const channel of CHANNELS) {
      // every edge string in every string field, and every edge number in every id or number field
      const sweep: unknown[] = [];
      for (const path of paths(valid[channel])) {
        const current = at(valid[channel], path);
        const values = typeof current === 'string' ? STRINGS : typeof current === 'number' ? NUMBERS : [];
        for (const value of values) {
          const v = clone(valid[channel]);
          setAt(v, path, value);
          sweep.push(v);
        }
      }
      for (const raw of sweep) {
        const { input, neutralised: n } = neutralise(rng, channel, raw);
        if (n) neutralised++;
        await send(channel, input, READ_ONLY.has(channel) || (DIALOG.has(channel) && isValid(channel, input)));
      }
      // the classic wrong shapes first, then seeded mutations of the valid input
      const inputs: unknown[] = [...OTHERS, ...STRINGS.slice(0, 10), ...NUMBERS.slice(0, 10)];
      while (inputs.length < PER_CHANNEL) inputs.push(mutate(rng, valid[channel]));
      for (const raw of inputs) {
        const { input, neutralised: n } = neutralise(rng, channel, raw);
        if (n) neutralised++;
        const allowed = READ_ONLY.has(channel) || (DIALOG.has(channel) && isValid(channel, input));
        await send(channel, input, allowed);
      }
    }

    const elapsed = Date.now() - started;
    const covered = CHANNELS.filter((c) => (perChannel[c] ?? 0) > 0);
    console.log(
      `fuzz: ${sent} payloads in ${elapsed} ms; channels covered ${covered.length}/${CHANNELS.length}; ` +
        `codes ${JSON.stringify(codes)}; read-only successes ${Object.values(readOnlyOk).reduce((a, b) => a + b, 0)} ${JSON.stringify(readOnlyOk)}; ` +
        `valid write inputs pointed at missing records or given an unknown field: ${neutralised}`,
    );

    expect(problems.slice(0, 20)).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(10_000);
    expect(covered).toEqual(CHANNELS);
    const errors = backend.logger.lines.slice(logStart).filter((l) => l.level === 'error');
    expect(errors.map((l) => `${l.message} ${String(l.data).slice(0, 300)}`)).toEqual([]);
    expect(tableHashes()).toEqual(beforeTables);
    expect(folderListing(join(backend.dir, 'documents'))).toEqual(beforeFiles);
    expect(backend.platform.printed).toEqual([]);
    expect(backend.platform.shown).toEqual([]);
  }, 120_000);

  it('would have noticed a change (the table hashes are not blind)', async () => {
    const before = tableHashes();
    await backend.ok('units:setStatus', { id: valid['units:get'].id as number, status: 'atWorkshop', note: null });
    const after = tableHashes();
    expect(after.units).not.toBe(before.units);
    expect(Object.keys(after).filter((t) => after[t] !== before[t]).length).toBeGreaterThan(0);
  });
});

function describeInput(input: unknown): string {
  try {
    const text = JSON.stringify(input, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
    return (text ?? String(input)).slice(0, 200);
  } catch {
    return Object.prototype.toString.call(input);
  }
}
