import { describe, expect, it } from 'vitest';
import { openTestBackend } from '../support/backend';
import { person, phoneTicket } from '../support/sample';
import { pngDataUrl } from '../support/png';
import { tempDataDir } from '../support/temp';

/* "Hold the line": the PIN's lockout, the log's values, its clock and a restore (issue 11, points 12–15). */

const PIN = '2580';

describe('the admin PIN’s lockout (point 12)', () => {
  it('survives a restart, and every wrong try is in the log', async () => {
    const dir = tempDataDir('pin-restart');
    let b = await openTestBackend(dir);
    await b.ok('session:setPin', { next: PIN });
    await b.ok('session:lock', {});
    for (let i = 0; i < 5; i++) await b.fails('session:unlock', { pin: '0000' });
    await b.close();
    b = await openTestBackend(dir);
    const refused = await b.fails('session:unlock', { pin: PIN });
    expect(refused.details.message?.key).toBe('security.errors.tooManyTries');
    const { items } = await b.ok('audit:list', { channel: 'session:unlock', pageSize: 50 });
    const detailed = await Promise.all(items.map((c) => b.ok('audit:get', { id: c.id })));
    const counts = detailed.flatMap((d) => d.rows.filter((r) => r.rowId === 'pin').map((r) => r.after?.wrongTries));
    expect(counts.sort()).toEqual([1, 2, 3, 4, 5]);
    // As a value: a time or an id may hold the digits 0000 by chance.
    expect(JSON.stringify(detailed)).not.toContain('"0000"');
    await b.close();
  });
});

describe('the log keeps whole values (point 13)', () => {
  it('tells two long values apart: a new logo is a change, before and after differ', async () => {
    const b = await openTestBackend();
    const red = pngDataUrl(64, 64, { noise: 1 });
    const blue = pngDataUrl(64, 64, { noise: 2 });
    expect(red.length).toBeGreaterThan(2000);
    await b.ok('settings:update', { companyName: '安信机电', hotline: '4008001234', logo: red });
    await b.ok('settings:update', { logo: blue });
    const [latest] = (await b.ok('audit:list', { channel: 'settings:update' })).items;
    const row = (await b.ok('audit:get', { id: latest!.id })).rows.find((r) => r.table === 'settings')!;
    expect(row.before).not.toEqual(row.after);
    expect(String(row.after?.value)).toMatch(/sha256 [0-9a-f]{16}/);
    await b.close();
  });
});

describe('a restore and the log (point 14)', () => {
  it('keeps in the log what the restore undid, marked as undone', async () => {
    const b = await openTestBackend();
    const backup = await b.ok('backups:create', {});
    const later = await b.ok('customers:create', person({ name: '备份后的客户', phones: [{ phone: '13900009999' }] }));
    await b.ok('backups:restore', { file: backup.file });
    expect((await b.fails('customers:get', { id: later.id })).code).toBe('NOT_FOUND');
    const created = (await b.ok('audit:list', { channel: 'customers:create' })).items;
    expect(created).toHaveLength(1);
    expect(created[0]!.undoneBy).not.toBeNull();
    const restore = (await b.ok('audit:list', { channel: 'backups:restore' })).items[0]!;
    expect(created[0]!.undoneBy?.changeId).toBe(restore.id);
    const detail = await b.ok('audit:get', { id: created[0]!.id });
    expect(detail.rows.find((r) => r.table === 'customers')?.after).toMatchObject({ name: '备份后的客户' });
    await b.close();
  });

  it('never files a new change before the last one when the PC clock is set back', async () => {
    let clock = new Date(2026, 10, 22, 10, 0);
    const b = await openTestBackend(undefined, () => clock);
    await b.ok('customers:create', person({ name: '先来的客户' }));
    clock = new Date(2026, 10, 21, 10, 0);
    await b.ok('customers:create', person({ name: '后来的客户', phones: [{ phone: '13900001234' }] }));
    const [newest, older] = (await b.ok('audit:list', { channel: 'customers:create' })).items;
    expect(newest!.at).toBeGreaterThanOrEqual(older!.at);
    const detail = await b.ok('audit:get', { id: newest!.id });
    expect(detail.rows.find((r) => r.table === 'customers')?.after).toMatchObject({ name: '后来的客户' });
    await b.close();
  });
});

describe('a ticket and a clock set back (point 15)', () => {
  it('can still move on: the move is stamped no earlier than the ticket’s last event', async () => {
    let clock = new Date(2026, 10, 22, 10, 0);
    const b = await openTestBackend(undefined, () => clock);
    const customer = await b.ok('customers:create', person());
    const ticket = await b.ok('tickets:create', phoneTicket(customer.id));
    clock = new Date(2026, 10, 21, 9, 0);
    const answered = await b.ok('tickets:transition', { id: ticket.id, to: 'answered' });
    expect(answered.status).toBe('answered');
    expect(answered.answeredAt).toBeGreaterThanOrEqual(ticket.reportedAt);
    // A time the clerk gives before the report is still refused.
    const early = await b.fails('tickets:transition', { id: ticket.id, to: 'cancelled', note: '重复', at: ticket.reportedAt - 60_000 });
    expect(early.details.message?.key).toBe('ticketing.errors.eventBeforeReport');
    await b.close();
  });
});
