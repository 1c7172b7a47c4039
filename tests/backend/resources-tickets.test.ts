import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TicketDetail } from '../../shared/schemas/ticket';
import { openTestBackend, type TestBackend } from '../support/backend';
import { person, seedModel } from '../support/sample';

/** The desk's clock, moved by the tests: Friday 2026-09-18 14:00 local. */
let clock = new Date(2026, 8, 18, 14, 0);
let backend: TestBackend;
beforeEach(async () => {
  clock = new Date(2026, 8, 18, 14, 0);
  backend = await openTestBackend(undefined, () => clock);
  await backend.ok('session:begin', { operator: '王芳' });
});
afterEach(async () => {
  await backend.close();
});

const laterDays = (days: number) => {
  clock = new Date(clock.getTime() + days * 86_400_000);
};
const rows = (table: string) => (backend.store.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
const loanEvents = (ticketId: number) =>
  (backend.store.sqlite.prepare(`select who, at, data from ticket_events where ticket_id = ? and kind = 'loan' order by id`).all(ticketId) as { who: string; at: number; data: string }[]).map(
    (e) => ({ ...e, data: JSON.parse(e.data) as unknown }),
  );

/** A customer with one unit in warranty (accepted this May) and one long out of it. */
async function seed() {
  const model = await seedModel(backend);
  const customer = await backend.ok('customers:create', person({ name: '西湖花园物业' }));
  const unit = (serial: string, acceptanceDate: string) =>
    backend.ok('units:create', { customerId: customer.id, modelId: model.id, serial, purchaseDate: acceptanceDate, acceptanceDate, invoiceNumber: 'FP001' });
  return { customer, fresh: await unit('GL2026A0001', '2026-05-01'), old: await unit('GL2023B0002', '2023-05-01') };
}
type Seeded = Awaited<ReturnType<typeof seed>>;

function report(s: Seeded, unitId = s.fresh.id): Promise<TicketDetail> {
  return backend.ok('tickets:create', { customerId: s.customer.id, unitId, faultReported: '开机后不制冷，外机不转', faultCategory: 'notCooling' });
}

describe('loaners on tickets', () => {
  it('lends a loaner on an open ticket, with a timeline event, and refuses it twice', async () => {
    const s = await seed();
    const first = await report(s);
    const second = await report(s, s.old.id);
    const loaner = await backend.ok('loaners:create', { name: '备用空调 1 号', model: 'KFR-35GW', serial: 'BY-001' });
    laterDays(0.01);
    const loan = await backend.ok('loans:issue', { ticketId: first.id, loanerId: loaner.id, expectedReturn: '2026-09-25', receivedUnit: '室内机一台，遥控器一个，外壳有划痕', note: null });
    expect(loan).toMatchObject({
      ticketId: first.id,
      ticketNumber: first.number,
      customerName: '西湖花园物业',
      loanerId: loaner.id,
      loanerName: '备用空调 1 号',
      issuedAt: clock.getTime(),
      expectedReturn: '2026-09-25',
      returnedAt: null,
      receivedUnit: '室内机一台，遥控器一个，外壳有划痕',
      overdue: false,
    });
    expect(loanEvents(first.id)).toEqual([{ who: '王芳', at: clock.getTime(), data: { loanId: loan.id, loanerName: '备用空调 1 号', none: false } }]);
    expect((await backend.ok('tickets:get', { id: first.id })).updatedAt).toBe(clock.getTime());
    expect((await backend.ok('loaners:list', {}))[0]!.outOn).toEqual({ loanId: loan.id, ticketId: first.id, ticketNumber: first.number });

    const error = await backend.fails('loans:issue', { ticketId: second.id, loanerId: loaner.id });
    expect(error.code).toBe('CONFLICT');
    expect(error.details.message).toEqual({ key: 'stock.errors.loanerOut', params: { name: '备用空调 1 号', number: first.number } });
    expect(rows('loans')).toBe(1);
    expect(loanEvents(second.id)).toEqual([]);
  });

  it('records "none available", and refuses an inactive loaner, a closed ticket and a return date already past', async () => {
    const s = await seed();
    const ticket = await report(s);
    const none = await backend.ok('loans:issue', { ticketId: ticket.id, loanerId: null, note: '备机全部借出' });
    expect(none).toMatchObject({ loanerId: null, loanerName: null, expectedReturn: null, note: '备机全部借出', overdue: false });
    expect(loanEvents(ticket.id).map((e) => e.data)).toEqual([{ loanId: none.id, loanerName: null, none: true }]);

    const retired = await backend.ok('loaners:create', { name: '旧投影仪', active: false });
    const inactive = await backend.fails('loans:issue', { ticketId: ticket.id, loanerId: retired.id });
    expect(inactive.code).toBe('CONFLICT');
    expect(inactive.details.message).toEqual({ key: 'stock.errors.loanerInactive', params: { name: '旧投影仪' } });

    const loaner = await backend.ok('loaners:create', { name: '备用空调 2 号' });
    const past = await backend.fails('loans:issue', { ticketId: ticket.id, loanerId: loaner.id, expectedReturn: '2026-09-17' });
    expect(past.code).toBe('VALIDATION');
    expect(past.details.message).toEqual({ key: 'stock.errors.returnBeforeToday', params: { today: '2026-09-18' } });
    expect((await backend.fails('loans:issue', { ticketId: 999, loanerId: loaner.id })).code).toBe('NOT_FOUND');
    expect((await backend.fails('loans:issue', { ticketId: ticket.id, loanerId: 999 })).code).toBe('NOT_FOUND');

    await backend.ok('tickets:transition', { id: ticket.id, to: 'cancelled', note: '客户自行修好' });
    const closed = await backend.fails('loans:issue', { ticketId: ticket.id, loanerId: loaner.id, expectedReturn: '2026-09-18' });
    expect(closed.code).toBe('VALIDATION');
    expect(closed.details.message).toEqual({ key: 'stock.errors.ticketNotOpen', params: { number: ticket.number } });
    expect(rows('loans')).toBe(1);
    expect(loanEvents(ticket.id)).toHaveLength(1);
  });

  it('shows a loan overdue after its expected day, returns it once, and frees the loaner', async () => {
    const s = await seed();
    const ticket = await report(s);
    const loaner = await backend.ok('loaners:create', { name: '备用空调 1 号' });
    const loan = await backend.ok('loans:issue', { ticketId: ticket.id, loanerId: loaner.id, expectedReturn: '2026-09-18' });
    expect((await backend.ok('loans:list', {})).map((l) => l.overdue)).toEqual([false]);
    laterDays(1);
    expect((await backend.ok('loans:list', {})).map((l) => l.overdue)).toEqual([true]);

    const returned = await backend.ok('loans:return', { id: loan.id });
    expect(returned).toMatchObject({ returnedAt: clock.getTime(), overdue: false });
    expect(loanEvents(ticket.id).map((e) => e.data)).toEqual([
      { loanId: loan.id, loanerName: '备用空调 1 号', none: false },
      { loanId: loan.id, loanerName: '备用空调 1 号', returned: true },
    ]);
    const again = await backend.fails('loans:return', { id: loan.id });
    expect(again.code).toBe('CONFLICT');
    expect(again.details.message).toEqual({ key: 'stock.errors.loanReturned', params: { number: ticket.number } });
    expect(loanEvents(ticket.id)).toHaveLength(2);

    expect(await backend.ok('loans:list', { openOnly: true })).toEqual([]);
    expect(await backend.ok('loans:list', { openOnly: false })).toEqual([returned]);
    expect((await backend.ok('loaners:list', {}))[0]!.outOn).toBeNull();
    const next = await report(s, s.old.id);
    expect((await backend.ok('loans:issue', { ticketId: next.id, loanerId: loaner.id })).loanerName).toBe('备用空调 1 号');
  });
});

describe('parts used on tickets', () => {
  it('lists the month\'s replaced parts with what was charged in and out of warranty', async () => {
    const s = await seed();
    const board = await backend.ok('parts:create', { partNumber: 'PCB-35', name: '主控板', costFen: 20_000, priceFen: 35_000, quantity: 10 });
    const cap = await backend.ok('parts:create', { partNumber: 'CAP-35', name: '启动电容', costFen: 1_800, priceFen: 4_500, quantity: 10 });
    const inWarranty = await report(s);
    const paid = await report(s, s.old.id);
    const atCost = await report(s, s.old.id);
    const walkIn = await backend.ok('tickets:create', {
      customerId: s.customer.id,
      unregisteredUnit: { brand: '美的', model: 'KFR-26GW', serial: 'MD-9' },
      faultReported: '漏水',
      faultCategory: 'leak',
    });
    expect([inWarranty.inWarranty, paid.inWarranty, atCost.inWarranty]).toEqual([true, false, false]);
    // Lifetime maintenance (parts at cost) is the seeds' default; this customer pays the price.
    expect(atCost.lifetimeMaintenance).toBe(true);
    await backend.ok('tickets:setCharges', { id: paid.id, labour: [], travelFen: 0, discountFen: 0, paidFen: 0, lifetimeMaintenance: false });

    const add = (id: number, partId: number, quantity: number) => backend.ok('tickets:addPart', { id, partId, quantity });
    await add(paid.id, cap.id, 2);
    await add(inWarranty.id, board.id, 1);
    laterDays(3);
    await add(atCost.id, board.id, 1);
    await add(walkIn.id, cap.id, 1);
    const removed = await add(paid.id, board.id, 1);
    await backend.ok('tickets:removePart', { id: paid.id, ticketPartId: removed.parts.at(-1)!.id });
    laterDays(14); // into October: not September's list
    await add(paid.id, board.id, 1);

    const list = await backend.ok('parts:monthlyReplaced', { month: '2026-09' });
    expect(list.map((r) => [r.fittedOn, r.ticketNumber, r.partNumber, r.quantity, r.inWarranty, r.chargedFen, r.costFen])).toEqual([
      ['2026-09-18', inWarranty.number, 'PCB-35', 1, true, 0, 20_000],
      ['2026-09-18', paid.number, 'CAP-35', 2, false, 9_000, 3_600],
      ['2026-09-21', atCost.number, 'PCB-35', 1, false, 20_000, 20_000],
      ['2026-09-21', walkIn.number, 'CAP-35', 1, false, 1_800, 1_800],
    ]);
    expect(list[0]).toMatchObject({ customerName: '西湖花园物业', unitLabel: '格力 KFR-35GW · GL2026A0001', partName: '主控板', ticketId: inWarranty.id });
    expect(list[3]!.unitLabel).toBe('美的 KFR-26GW · MD-9');
    expect((await backend.ok('parts:monthlyReplaced', { month: '2026-10' })).map((r) => r.ticketNumber)).toEqual([paid.number]);
    expect(await backend.ok('parts:monthlyReplaced', { month: '2026-08' })).toEqual([]);
    expect((await backend.fails('parts:monthlyReplaced', { month: '2026-13' })).details.fields?.month).toEqual([{ key: 'validation.month' }]);

    // Use and return are stock moves the part's history names by ticket.
    const moves = await backend.ok('parts:moves', { id: board.id });
    expect(moves.map((m) => [m.reason, m.delta, m.ticketNumber])).toEqual([
      ['use', -1, paid.number],
      ['return', 1, paid.number],
      ['use', -1, paid.number],
      ['use', -1, atCost.number],
      ['use', -1, inWarranty.number],
      ['receive', 10, null],
    ]);
    expect((await backend.ok('parts:list', { query: 'PCB' }))[0]!.quantity).toBe(10 + moves.slice(0, -1).reduce((sum, m) => sum + m.delta, 0));
  });
});

describe('technicians at work', () => {
  it('counts open tickets and lists the day\'s appointments in time order', async () => {
    const s = await seed();
    const li = await backend.ok('technicians:create', { name: '李师傅', phone: '13900001111', skills: ['空调'] });
    const zhang = await backend.ok('technicians:create', { name: '张师傅', phone: '13900002222' });
    const morning = await report(s);
    const afternoon = await report(s, s.old.id);
    const cancelled = await report(s, s.old.id);
    await backend.ok('tickets:assign', { id: afternoon.id, technicianIds: [li.id, zhang.id], leadId: zhang.id });
    await backend.ok('tickets:assign', { id: morning.id, technicianIds: [li.id] });
    await backend.ok('tickets:assign', { id: cancelled.id, technicianIds: [li.id] });
    await backend.ok('tickets:appoint', { id: afternoon.id, date: '2026-09-19', from: '14:00', to: '16:00' });
    await backend.ok('tickets:appoint', { id: morning.id, date: '2026-09-19', from: '09:00', to: '11:00' });
    await backend.ok('tickets:appoint', { id: cancelled.id, date: '2026-09-19', from: '08:00', to: '09:00' });
    await backend.ok('tickets:transition', { id: cancelled.id, to: 'cancelled', note: '客户取消' });

    const open = Object.fromEntries((await backend.ok('technicians:list', {})).map((t) => [t.name, t.openTickets]));
    expect(open).toEqual({ 李师傅: 2, 张师傅: 1 });

    const day = await backend.ok('technicians:day', { date: '2026-09-19' });
    expect(day).toEqual([
      {
        ticketId: morning.id,
        ticketNumber: morning.number,
        date: '2026-09-19',
        from: '09:00',
        to: '11:00',
        customerName: '西湖花园物业',
        siteAddress: morning.siteAddress,
        technicians: ['李师傅'],
        status: 'scheduled',
      },
      expect.objectContaining({ ticketId: afternoon.id, from: '14:00', technicians: ['张师傅', '李师傅'] }),
    ]);
    expect((await backend.ok('technicians:day', { date: '2026-09-19', technicianId: zhang.id })).map((a) => a.ticketId)).toEqual([afternoon.id]);
    expect(await backend.ok('technicians:day', { date: '2026-09-20' })).toEqual([]);
  });
});
