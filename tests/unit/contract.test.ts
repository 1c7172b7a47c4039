import { describe, expect, it } from 'vitest';
import { DOMAIN_HANDLERS, handlers } from '../../electron/backend/app/handlers';
import { CHANNELS, GUARDED_CHANNELS, needsAdmin, refreshesAfter, specOf, type Channel } from '../../shared/contract';

describe('the contract, one file per domain', () => {
  it('answers every channel with exactly one domain handler', () => {
    const owners = new Map<string, string[]>();
    for (const [domain, table] of Object.entries(DOMAIN_HANDLERS)) {
      for (const channel of Object.keys(table)) owners.set(channel, [...(owners.get(channel) ?? []), domain]);
    }
    const twice = [...owners].filter(([, domains]) => domains.length > 1);
    expect(twice).toEqual([]);
    const table = handlers(() => ({ version: '0', dbPath: '', documentsDir: '', schemaVersion: 0 }));
    expect(Object.keys(table).sort()).toEqual([...CHANNELS].sort());
    // app:info is the shell's own; every other channel belongs to a domain.
    expect(CHANNELS.filter((c) => !owners.has(c))).toEqual(['app:info']);
  });

  it('keeps the admin PIN on what deletes, merges, restores, changes prices or rules, or carries everything out', () => {
    expect([...GUARDED_CHANNELS].sort()).toEqual(
      [
        'backups:chooseFolder',
        'backups:delete',
        'backups:restore',
        'calendar:resetYear',
        'calendar:saveYear',
        'customers:delete',
        'customers:merge',
        'export:list',
        'fees:create',
        'health:saveDiagnostics',
        'fees:update',
        'operators:update',
        'policies:create',
        'policies:update',
        'sample:load',
        'sample:remove',
        'policies:addPresets',
        'serviceLevels:create',
        'serviceLevels:update',
        'settings:update',
        'calls:setRules',
        'review:configure',
        'attachments:delete',
        // Settling: a write-off of property, and the depreciation rate a refund is counted at.
        'scrapping:create',
        'settle:setSettings',
        // The owner's early-warning rules.
        'reports:configure',
      ].sort(),
    );
  });

  it('guards some channels only for some inputs: the language is the clerk’s own, a filtered export is everyday work', () => {
    expect(needsAdmin('settings:update', { language: 'en' })).toBe(false);
    expect(needsAdmin('settings:update', { language: 'en', hotline: '4008001234' })).toBe(true);
    expect(needsAdmin('export:list', { kind: 'customers', query: '张' })).toBe(false);
    expect(needsAdmin('export:list', { kind: 'customers', query: '  ' })).toBe(true);
    expect(needsAdmin('customers:list', {})).toBe(false);
    // Logs and counts are everyday help for support; a copy of the database is all the data.
    expect(needsAdmin('health:saveDiagnostics', { includeData: false })).toBe(false);
    expect(needsAdmin('health:saveDiagnostics', { includeData: true })).toBe(true);
    // The recovery code is what someone who forgot the PIN has.
    expect(needsAdmin('session:recover', { code: '7K3M-QX9P-2HDR-W4TN' })).toBe(false);
  });

  it('runs only the restore alone', () => {
    expect(CHANNELS.filter((c) => specOf(c).alone)).toEqual(['backups:restore']);
  });

  it('names what the renderer refetches after every write, and nothing after a read', () => {
    const reads = CHANNELS.filter((c) => specOf(c).refreshes === null);
    for (const c of reads) expect(refreshesAfter(c), c).toEqual([]);
    // A write that changes a record refreshes at least its own domain's lists. (Printing, exports and
    // saving copies change no record, nor does opening an attachment; a restore reloads the whole page; the import has no list.)
    const own = (c: Channel) => c.split(':')[0]!;
    const silent = new Set<Channel>(['export:list', 'import:commit', 'documents:print', 'documents:saveAs', 'documents:showInFolder', 'backups:restore', 'health:restore', 'health:saveDiagnostics', 'session:keepRecoveryCode', 'serviceLevels:exportShares', 'survey:export', 'attachments:open', 'export:customerHistory', 'import:template', 'reports:export', 'makerReturns:export']);
    for (const c of CHANNELS) {
      const refreshes = specOf(c).refreshes;
      if (refreshes === null || silent.has(c)) continue;
      const domain = own(c);
      const related = domain === 'loans' ? 'loaners' : domain === 'operators' ? 'session' : domain;
      expect(refreshes.includes(related as never) || refreshes.includes(domain as never), `${c} refreshes ${refreshes.join(', ')}`).toBe(true);
    }
    expect(refreshesAfter('tickets:create')).toEqual(expect.arrayContaining(['tickets', 'desk', 'parts', 'units']));
  });
});
