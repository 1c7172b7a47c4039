import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { visitNumberOf } from '../../shared/domain/visit-number';
import { openTestBackend, type TestBackend } from '../support/backend';
import { person, seedModel } from '../support/sample';

/*
 * The visit number on an inspection form's QR code, typed by a 2D scanner into the search box:
 * the search finds that visit by its whole number, however it was typed, and nothing by a fragment.
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
