import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordNumberOf, visitNumberOf } from '../../shared/domain/visit-number';
import { openTestBackend, type TestBackend } from '../support/backend';
import { person, seedModel } from '../support/sample';

/*
 * The visit number on an inspection form's QR code, typed by a 2D scanner into the search box:
 * the search finds that visit by its whole number, however it was typed, and nothing by a fragment.
 * An installation job's number (on its notice and certificate) and a contract's are found alike.
 */

let backend: TestBackend;
const clock = () => new Date('2026-12-15T16:00:00+08:00');

beforeEach(async () => {
  backend = await openTestBackend(undefined, clock);
  await backend.ok('session:begin', { operator: '王芳' });
});
afterEach(async () => {
  await backend.close();
});

async function contractWithVisits() {
  const model = await seedModel(backend);
  const customer = await backend.ok('customers:create', person({ name: '杭州市余杭区良渚第二小学', kind: 'organisation' }));
  const unit = await backend.ok('units:create', { customerId: customer.id, modelId: model.id, serial: 'AC-0001', purchaseDate: '2026-03-01', acceptanceDate: '2026-03-05' });
  return backend.ok('contracts:create', {
    customerId: customer.id,
    unitIds: [unit.id],
    kind: 'paid',
    startsOn: '2026-12-01',
    endsOn: '2027-11-30',
    plan: [{ kind: 'inspection', repeat: 'quarter', from: '2026-12-01', to: '2027-11-30' }],
  });
}

describe('a visit number', () => {
  it.each([
    ['FW-2026-000012', 'FW-2026-000012'],
    ['fw-2026-000012', 'FW-2026-000012'],
    [' FW 2026 000012 ', 'FW-2026-000012'],
    ['fw2026-12', 'FW-2026-000012'],
    ['FW-2026', null],
    ['GD-2026-000012', null],
    ['2026-000012', null],
  ])('%j reads as %j', (typed, number) => {
    expect(visitNumberOf(typed)).toBe(number);
  });

  it('finds its visit first, typed as the scanner types it or by hand', async () => {
    const contract = await contractWithVisits();
    const visit = contract.visits[1]!;
    for (const typed of [visit.number, visit.number.toLowerCase(), visit.number.replace(/-/g, ' ')]) {
      const hits = await backend.ok('search:query', { query: typed, limit: 10 });
      expect(hits[0]).toMatchObject({ kind: 'visit', id: visit.id, number: visit.number, visitKind: 'inspection', customerName: '杭州市余杭区良渚第二小学', contractNumber: contract.number, status: 'due' });
    }
  });

  it('finds nothing for a number no visit has, or a fragment', async () => {
    await contractWithVisits();
    expect((await backend.ok('search:query', { query: 'FW-2026-999999', limit: 10 })).filter((h) => h.kind === 'visit')).toEqual([]);
    expect((await backend.ok('search:query', { query: 'FW-20', limit: 10 })).filter((h) => h.kind === 'visit')).toEqual([]);
  });
});

describe('an installation job and a maintenance contract by number', () => {
  it('reads the prefix asked for, and only that one', () => {
    expect(recordNumberOf('AZ', 'az 2026 7')).toBe('AZ-2026-000007');
    expect(recordNumberOf('WB', 'WB-2026-000012')).toBe('WB-2026-000012');
    expect(recordNumberOf('WB', 'AZ-2026-000012')).toBeNull();
  });

  it('finds the job and the contract first, with their state, and nothing by a fragment', async () => {
    const contract = await contractWithVisits();
    const [model] = await backend.ok('models:list', { query: '' });
    const customer = await backend.ok('customers:create', person({ name: '钱塘中学', phones: [{ phone: '0571-86001234' }] }));
    const units = await Promise.all(['AC-1001', 'AC-1002'].map((serial) => backend.ok('units:create', { customerId: customer.id, modelId: model!.id, serial, purchaseDate: '2026-12-01' })));
    const job = await backend.ok('installations:create', { customerId: customer.id, unitIds: units.map((u) => u.id), appointmentOn: '2026-12-20' });

    const [installation] = await backend.ok('search:query', { query: job.number.toLowerCase().replace(/-/g, ' '), limit: 10 });
    expect(installation).toEqual({ kind: 'installation', id: job.id, number: job.number, status: 'planned', appointmentOn: '2026-12-20', customerName: '钱塘中学', unitCount: 2 });
    const [found] = await backend.ok('search:query', { query: contract.number, limit: 10 });
    expect(found).toEqual({ kind: 'contract', id: contract.id, number: contract.number, state: 'active', startsOn: '2026-12-01', endsOn: '2027-11-30', customerName: '杭州市余杭区良渚第二小学', unitCount: 1 });
    await backend.ok('contracts:cancel', { id: contract.id, reason: '客户撤场' });
    expect((await backend.ok('search:query', { query: contract.number, limit: 10 }))[0]).toMatchObject({ kind: 'contract', state: 'cancelled' });
    expect((await backend.ok('search:query', { query: 'AZ-20', limit: 10 })).filter((h) => h.kind === 'installation')).toEqual([]);
    expect((await backend.ok('search:query', { query: 'AZ-2026-999999', limit: 10 })).filter((h) => h.kind === 'installation')).toEqual([]);
  });
});
