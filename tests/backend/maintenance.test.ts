import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../support/backend';
import { person, seedModel } from '../support/sample';

/*
 * Maintenance contracts and their visits, on a real database: the plan makes the visits, the
 * desk moves, assigns and closes them, and a changed plan keeps what the desk did.
 */

let backend: TestBackend;
let clock = new Date('2026-11-20T09:00:00+08:00');

async function setUp() {
  const model = await seedModel(backend);
  const customer = await backend.ok('customers:create', person({ name: '杭州市余杭区良渚第二小学', kind: 'organisation' }));
  const other = await backend.ok('customers:create', person({ name: '李四', phones: [{ phone: '13900001111' }] }));
  const unit = (serial: string, customerId = customer.id) =>
    backend.ok('units:create', { customerId, modelId: model.id, serial, purchaseDate: '2026-03-01', acceptanceDate: '2026-03-05', invoiceNumber: `FP-${serial}` });
  const [a, b, foreign] = [await unit('AC-0001'), await unit('AC-0002'), await unit('AC-0003', other.id)];
  return { customer, other, a, b, foreign };
}

const quarterly = (from: string, to: string) => ({ kind: 'inspection' as const, repeat: 'quarter' as const, from, to });

beforeEach(async () => {
  clock = new Date('2026-11-20T09:00:00+08:00');
  backend = await openTestBackend(undefined, () => clock);
  await backend.ok('session:begin', { operator: '王芳' });
});
afterEach(async () => {
  await backend.close();
});

describe('a maintenance contract', () => {
  it('for two units makes its four quarterly visits, numbered, on working days, from today on', async () => {
    const { customer, a, b } = await setUp();
    const contract = await backend.ok('contracts:create', {
      customerId: customer.id,
      unitIds: [a.id, b.id],
      kind: 'paid',
      startsOn: '2026-12-01',
      endsOn: '2027-11-30',
      priceFen: 360_000,
      paymentTerms: '签约时付清',
      plan: [quarterly('2026-12-01', '2027-11-30')],
    });
    expect(contract.number).toMatch(/^WB-2026-\d{6}$/);
    expect(contract.units.map((u) => u.serial)).toEqual(['AC-0001', 'AC-0002']);
    expect(contract.visits.map((v) => [v.kind, v.plannedOn, v.dueOn, v.status])).toEqual([
      ['inspection', '2026-12-15', '2026-12-15', 'due'],
      ['inspection', '2027-03-15', '2027-03-15', 'due'],
      ['inspection', '2027-06-15', '2027-06-15', 'due'],
      // Mid-Autumn 2027, counted by the law until the schedule is published: the next working day.
      ['inspection', '2027-09-15', '2027-09-16', 'due'],
    ]);
    for (const v of contract.visits) expect(v.number).toMatch(/^FW-2026-\d{6}$/);
    // 2027 has no published schedule in the shipped calendar: the screen says so.
    expect(contract.calendarMissingYears).toEqual([2027]);
    expect(contract.visitsDue).toBe(4);
    expect(contract.nextVisitOn).toBe('2026-12-15');
    const listed = await backend.ok('contracts:list', { status: 'all' });
    expect(listed.map((c) => c.number)).toEqual([contract.number]);
  });

  it('refuses bad input and saves nothing', async () => {
    const { customer, a, foreign } = await setUp();
    const base = { customerId: customer.id, unitIds: [a.id], kind: 'paid' as const, startsOn: '2026-12-01', endsOn: '2027-11-30', plan: [quarterly('2026-12-01', '2027-11-30')] };
    const ends = await backend.fails('contracts:create', { ...base, endsOn: '2026-11-30' });
    expect(ends.details.fields?.endsOn?.[0]?.key).toBe('maintenance.errors.endsBeforeStart');
    const foreignUnit = await backend.fails('contracts:create', { ...base, unitIds: [a.id, foreign.id] });
    expect(foreignUnit.details.message?.key).toBe('maintenance.errors.unitNotCustomers');
    expect(foreignUnit.details.message?.params).toMatchObject({ serial: 'AC-0003' });
    const outside = await backend.fails('contracts:create', { ...base, plan: [quarterly('2026-11-01', '2027-11-30')] });
    expect(outside.details.message?.key).toBe('maintenance.errors.lineOutsideContract');
    const noStep = await backend.fails('contracts:create', { ...base, plan: [{ kind: 'callback', repeat: 'months', from: '2026-12-01', to: '2027-11-30' }] });
    expect(noStep.details.fields?.['plan.0.n']?.[0]?.key).toBe('maintenance.errors.step');
    expect(await backend.ok('contracts:list', { status: 'all' })).toEqual([]);
    expect((await backend.ok('visits:list', {})).filter((v) => v.contractId !== null)).toEqual([]);

    const first = await backend.ok('contracts:create', base);
    // The same unit under another contract for some of the same days.
    const overlap = await backend.fails('contracts:create', { ...base, startsOn: '2027-06-01', endsOn: '2028-05-31', plan: [] });
    expect(overlap.details.message?.key).toBe('maintenance.errors.overlap');
    expect(overlap.details.message?.params).toMatchObject({ number: first.number, serial: 'AC-0001' });
    // Back to back is no overlap.
    await backend.ok('contracts:create', { ...base, startsOn: '2027-12-01', endsOn: '2028-11-30', plan: [] });
  });

  it('made again after a change keeps the visits the desk moved, assigned or closed', async () => {
    const { customer, a } = await setUp();
    const tech = await backend.ok('technicians:create', { name: '李建国', phone: '13900002222' });
    const contract = await backend.ok('contracts:create', {
      customerId: customer.id,
      unitIds: [a.id],
      kind: 'paid',
      startsOn: '2026-11-20',
      endsOn: '2027-11-19',
      plan: [{ kind: 'callback', repeat: 'months', n: 1, from: '2026-11-20', to: '2027-11-19' }],
    });
    // The 20th of each month from December to October: the twelfth month falls after the end.
    expect(contract.visits).toHaveLength(11);
    const [first, second, third] = contract.visits;
    await backend.ok('visits:assign', { id: first!.id, technicianId: tech.id });
    await backend.ok('visits:move', { id: second!.id, dueOn: '2027-01-22', reason: '客户放假' });
    await backend.ok('visits:close', { id: third!.id, status: 'cancelled', reason: '客户要求取消' });
    // Now quarterly instead of monthly.
    const changed = await backend.ok('contracts:update', {
      id: contract.id,
      customerId: customer.id,
      unitIds: [a.id],
      kind: 'paid',
      startsOn: '2026-11-20',
      endsOn: '2027-11-19',
      plan: [quarterly('2026-11-20', '2027-11-19')],
    });
    const kept = changed.visits.filter((v) => v.kind === 'callback');
    expect(kept.map((v) => v.number)).toEqual([first!.number, second!.number, third!.number]);
    expect(kept.map((v) => [v.dueOn, v.technicianName, v.status])).toEqual([
      ['2026-12-21', '李建国', 'due'],
      ['2027-01-22', null, 'due'],
      ['2027-02-22', null, 'cancelled'],
    ]);
    expect(changed.visits.filter((v) => v.kind === 'inspection').map((v) => v.dueOn)).toEqual(['2026-12-15', '2027-03-15', '2027-06-15', '2027-09-16']);
  });

  it('cancelled early cancels the visits still due, and can no longer be changed', async () => {
    const { customer, a } = await setUp();
    const contract = await backend.ok('contracts:create', { customerId: customer.id, unitIds: [a.id], kind: 'warranty', startsOn: '2026-12-01', endsOn: '2027-11-30', plan: [quarterly('2026-12-01', '2027-11-30')] });
    const cancelled = await backend.ok('contracts:cancel', { id: contract.id, reason: '客户搬迁' });
    expect(cancelled.cancelledAt).not.toBeNull();
    expect(cancelled.visits.every((v) => v.status === 'cancelled' && v.reason === '客户搬迁')).toBe(true);
    expect((await backend.fails('contracts:cancel', { id: contract.id, reason: 'again' })).details.message?.key).toBe('maintenance.errors.contractCancelled');
    // The unit is free for a new contract over the same days.
    await backend.ok('contracts:create', { customerId: customer.id, unitIds: [a.id], kind: 'paid', startsOn: '2026-12-01', endsOn: '2027-11-30', plan: [] });
  });

  it('gives the tickets of its units its service level', async () => {
    const { customer, a, b } = await setUp();
    const level = await backend.ok('serviceLevels:create', {
      name: '学校维保',
      terms: (await backend.ok('serviceLevels:list', {}))[0]!.terms,
    });
    await backend.ok('contracts:create', { customerId: customer.id, unitIds: [a.id], kind: 'paid', startsOn: '2026-11-01', endsOn: '2027-10-31', serviceLevelId: level.id, plan: [] });
    const covered = await backend.ok('tickets:create', { customerId: customer.id, unitId: a.id, faultReported: '不制冷', faultCategory: 'notCooling' });
    expect(covered.serviceLevel.name).toBe('学校维保');
    const uncovered = await backend.ok('tickets:create', { customerId: customer.id, unitId: b.id, faultReported: '不制冷', faultCategory: 'notCooling' });
    expect(uncovered.serviceLevel.name).not.toBe('学校维保');
  });
});

describe('callbacks after handover', () => {
  it("are counted from acceptance by the customer's kind while the warranty lasts, and give way to a contract's plan", async () => {
    const { customer, other, a, b } = await setUp();
    const handover = async (unitId: number) => (await backend.ok('visits:list', {})).filter((v) => v.unitId === unitId && v.contractId === null).map((v) => v.dueOn);
    // An organisation's project: 3, 7 and 11 months after acceptance on 2026-03-05; the first two are past,
    // and the 12-month warranty ends before the fourth. 2027-02-05 is Spring Festival's eve (counted by
    // the law, with its weekend days made up): the call is on the first working day after.
    expect(await handover(a.id)).toEqual(['2027-02-11']);
    // A household is called twice a year: the second call would fall after its warranty.
    const model = await seedModel(backend, '美的', 'KFR-26GW');
    const home = await backend.ok('units:create', { customerId: other.id, modelId: model.id, serial: 'MD-0001', purchaseDate: '2026-09-01', acceptanceDate: '2026-09-03' });
    expect(await handover(home.id)).toEqual(['2027-03-03']);
    // A unit never accepted (bought over the counter) has none.
    const boxed = await backend.ok('units:create', { customerId: customer.id, modelId: model.id, serial: 'MD-0002', purchaseDate: '2026-09-01' });
    expect(await handover(boxed.id)).toEqual([]);

    // Under contract, the contract's plan calls instead; cancelled, the handover callbacks come back.
    const contract = await backend.ok('contracts:create', { customerId: customer.id, unitIds: [a.id], kind: 'paid', startsOn: '2026-12-01', endsOn: '2027-11-30', plan: [] });
    expect(await handover(a.id)).toEqual([]);
    expect(await handover(b.id)).toEqual(['2027-02-11']);
    // A customer's history holds its contract's visits and its units' own callbacks, and nobody else's.
    const history = await backend.ok('visits:list', { customerId: customer.id });
    expect(history.length).toBeGreaterThan(0);
    expect(history.every((v) => v.customerId === customer.id)).toBe(true);
    expect(history.filter((v) => v.unitId === b.id && v.contractId === null).map((v) => v.dueOn)).toEqual(['2027-02-11']);
    expect((await backend.ok('visits:list', { customerId: other.id })).map((v) => v.unitId)).toEqual([home.id]);
    await backend.ok('contracts:cancel', { id: contract.id, reason: '客户不续约' });
    expect(await handover(a.id)).toEqual(['2027-02-11']);
    // A scrapped unit is called no more.
    await backend.ok('units:setStatus', { id: b.id, status: 'scrapped', note: '报废' });
    expect(await handover(b.id)).toEqual([]);
  });
});

describe('a visit', () => {
  it('moves only to a working day within its contract, from today on; missed and cancelled need a reason', async () => {
    const { customer, a } = await setUp();
    const contract = await backend.ok('contracts:create', { customerId: customer.id, unitIds: [a.id], kind: 'paid', startsOn: '2026-12-01', endsOn: '2027-11-30', plan: [quarterly('2026-12-01', '2027-11-30')] });
    const visit = contract.visits[0]!;
    const key = async (input: { dueOn: string }) => (await backend.fails('visits:move', { id: visit.id, ...input })).details.message?.key;
    expect(await key({ dueOn: '2026-12-19' })).toBe('maintenance.errors.restDay'); // a Saturday
    expect(await key({ dueOn: '2026-11-19' })).toBe('maintenance.errors.moveToPast');
    expect(await key({ dueOn: '2027-12-01' })).toBe('maintenance.errors.outsideContract');
    const moved = await backend.ok('visits:move', { id: visit.id, dueOn: '2026-12-17', reason: '客户期末考试' });
    expect([moved.dueOn, moved.plannedOn, moved.rescheduled, moved.reason]).toEqual(['2026-12-17', '2026-12-15', true, '客户期末考试']);
    expect((await backend.fails('visits:close', { id: visit.id, status: 'missed' })).details.message?.key).toBe('maintenance.errors.reasonRequired');
    const done = await backend.ok('visits:close', { id: visit.id, status: 'done', notes: '两台设备运行正常' });
    expect(done.status).toBe('done');
    expect(done.doneAt).toBe(clock.getTime());
    expect((await backend.fails('visits:move', { id: visit.id, dueOn: '2026-12-18' })).details.message?.key).toBe('maintenance.errors.visitClosed');
  });

  it("lists show the week's due visits, the overdue ones and a technician's", async () => {
    const { customer, a } = await setUp();
    const tech = await backend.ok('technicians:create', { name: '陈小明', phone: '13700002222' });
    const contract = await backend.ok('contracts:create', {
      customerId: customer.id,
      unitIds: [a.id],
      kind: 'paid',
      startsOn: '2026-11-20',
      endsOn: '2027-11-19',
      plan: [{ kind: 'callback', repeat: 'days', n: 7, from: '2026-11-20', to: '2027-01-31' }],
    });
    await backend.ok('visits:assign', { id: contract.visits[1]!.id, technicianId: tech.id });
    const week = await backend.ok('visits:list', { from: '2026-11-23', to: '2026-11-29', status: 'due' });
    expect(week.map((v) => v.dueOn)).toEqual(['2026-11-27']);
    expect(week[0]!.customerName).toBe('杭州市余杭区良渚第二小学');
    clock = new Date('2026-12-10T09:00:00+08:00');
    const overdue = await backend.ok('visits:list', { overdue: true });
    expect(overdue.map((v) => v.dueOn)).toEqual(['2026-11-27', '2026-12-04']);
    const history = await backend.ok('visits:list', { customerId: customer.id, limit: 500 });
    expect(history.filter((v) => v.contractId === contract.id).map((v) => v.id)).toEqual(contract.visits.map((v) => v.id));
    const mine = await backend.ok('visits:list', { technicianId: tech.id });
    expect(mine.map((v) => v.id)).toEqual([contract.visits[1]!.id]);
  });
});

describe('a unit under contract', () => {
  it("stays with the contract's customer, and a customer with contracts is never deleted", async () => {
    const { customer, other, a } = await setUp();
    await backend.ok('contracts:create', { customerId: customer.id, unitIds: [a.id], kind: 'paid', startsOn: '2026-12-01', endsOn: '2027-11-30', plan: [] });
    const unit = await backend.ok('units:get', { id: a.id });
    const moved = await backend.fails('units:update', {
      id: a.id,
      customerId: other.id,
      modelId: unit.modelId,
      serial: unit.serial,
      purchaseDate: unit.purchaseDate,
      acceptanceDate: unit.acceptanceDate,
      invoiceNumber: unit.invoiceNumber,
    });
    expect(moved.details.message?.key).toBe('maintenance.errors.unitUnderContract');
    // Merged into another customer, the contract goes with its units.
    await backend.ok('customers:merge', { keepId: other.id, mergeId: customer.id });
    const [contract] = await backend.ok('contracts:list', { status: 'all' });
    expect(contract!.customerId).toBe(other.id);
  });
});
