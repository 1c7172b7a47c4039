import { afterEach, describe, expect, it } from 'vitest';
import { RequestGate } from '../../electron/backend/app/request-gate';
import { openTestBackend, type TestBackend } from '../support/backend';
import { person } from '../support/sample';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('the request gate', () => {
  it('lets requests overlap, but runs an exclusive one alone: after those in flight, before those that follow', async () => {
    const gate = new RequestGate();
    const events: string[] = [];
    const job = (name: string, ms: number) => async () => {
      events.push(`${name} start`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      events.push(`${name} end`);
    };
    const a = gate.shared(job('a', 30));
    const b = gate.shared(job('b', 10));
    await tick();
    const restore = gate.alone(job('restore', 20));
    await tick();
    const c = gate.shared(job('c', 1));
    await Promise.all([a, b, restore, c]);
    expect(events.slice(0, 2).sort()).toEqual(['a start', 'b start']);
    const at = (e: string) => events.indexOf(e);
    expect(at('restore start')).toBeGreaterThan(Math.max(at('a end'), at('b end')));
    expect(at('c start')).toBeGreaterThan(at('restore end'));
  });

  it('frees the gate when the exclusive job fails', async () => {
    const gate = new RequestGate();
    await expect(gate.alone(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await gate.shared(async () => 'next')).toBe('next');
  });
});

describe('a restore with the desk still working', () => {
  let backend: TestBackend;
  afterEach(async () => {
    await backend.close();
  });

  it('holds back a write sent during the restore and applies it to the restored database', async () => {
    backend = await openTestBackend();
    await backend.ok('session:begin', { operator: '王芳' });
    await backend.ok('customers:create', person({ name: '备份前' }));
    const backup = await backend.ok('backups:create', {});
    await backend.ok('customers:create', person({ name: '备份后', phones: [{ phone: '13900001111' }] }));

    const restore = backend.invoke('backups:restore', { file: backup.file });
    const write = backend.invoke('customers:create', person({ name: '恢复时录入', phones: [{ phone: '13900002222' }] }));
    const [restored, written] = await Promise.all([restore, write]);
    expect(restored.ok).toBe(true);
    expect(written.ok).toBe(true);
    const names = (await backend.ok('customers:list', {})).items.map((c) => c.name).sort();
    expect(names).toEqual(['备份前', '恢复时录入'].sort());
    // The restore itself is in the restored database's log, with who did it.
    const [logged] = (await backend.ok('audit:list', { channel: 'backups:restore' })).items;
    expect(logged).toMatchObject({ operator: '王芳', tables: ['database'] });
  });
});
