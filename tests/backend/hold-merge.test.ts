import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../support/backend';
import { person } from '../support/sample';

/* "Hold the line": merging customers (issue 11, point 5). */

let backend: TestBackend;
beforeEach(async () => {
  backend = await openTestBackend();
});
afterEach(async () => {
  await backend.close();
});

const backups = () => readdirSync(join(backend.dir, 'backups')).filter((f) => f.endsWith('.sqlite')).length;

describe('merging customers', () => {
  it('refuses to merge back the other way, or into an archived customer, and changes nothing', async () => {
    const a = await backend.ok('customers:create', person({ name: '杭州安信（旧档）', phones: [{ phone: '13811110001' }] }));
    const b = await backend.ok('customers:create', person({ name: '杭州安信', phones: [{ phone: '13811110002' }] }));
    await backend.ok('customers:merge', { keepId: b.id, mergeId: a.id });
    const before = backups();
    const back = await backend.fails('customers:merge', { keepId: a.id, mergeId: b.id });
    expect(back.details.message).toMatchObject({ key: 'errors.mergeIntoArchived', params: { name: '杭州安信（旧档）' } });
    const c = await backend.ok('customers:create', person({ name: '第三家', phones: [{ phone: '13811110003' }] }));
    await backend.ok('customers:archive', { id: c.id });
    const into = await backend.fails('customers:merge', { keepId: c.id, mergeId: b.id });
    expect(into.details.message?.key).toBe('errors.mergeIntoArchived');
    const again = await backend.fails('customers:merge', { keepId: b.id, mergeId: a.id });
    expect(again.details.message?.key).toBe('errors.mergeArchived');
    expect(backups()).toBe(before);
    const kept = await backend.ok('customers:get', { id: b.id });
    expect(kept.archived).toBe(false);
    expect(kept.phones.map((p) => p.phone).sort()).toEqual(['13811110001', '13811110002']);
  });

  it('refuses a merge that would pass what one customer may hold, naming it, instead of dropping the rest', async () => {
    const phones = (from: number) => Array.from({ length: 6 }, (_, i) => ({ phone: `1381111${String(from + i).padStart(4, '0')}` }));
    const a = await backend.ok('customers:create', person({ name: '甲', phones: phones(0) }));
    const b = await backend.ok('customers:create', person({ name: '乙', phones: phones(100) }));
    const error = await backend.fails('customers:merge', { keepId: a.id, mergeId: b.id });
    expect(error.details.message).toMatchObject({ key: 'errors.mergeTooMany.phones', params: { count: 12, max: 10 } });
    expect((await backend.ok('customers:get', { id: b.id })).archived).toBe(false);
    // Two long notes would make one the form cannot save again.
    const c = await backend.ok('customers:create', person({ name: '丙', phones: [{ phone: '13900000001' }], note: '甲'.repeat(600) }));
    const d = await backend.ok('customers:create', person({ name: '丁', phones: [{ phone: '13900000002' }], note: '乙'.repeat(600) }));
    expect((await backend.fails('customers:merge', { keepId: c.id, mergeId: d.id })).details.message?.key).toBe('errors.mergeTooMany.note');
  });
});
