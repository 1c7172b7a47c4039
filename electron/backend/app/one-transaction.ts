import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { ServiceContext } from './context';

/**
 * A database handle on an open transaction that the services can use as if it were the
 * database: their own `transaction().execute(fn)` runs `fn` inside the outer one. SQLite has
 * no nested transactions and Kysely refuses them; this lets several service calls (each one
 * transaction when the desk calls it) become one write that is kept whole or not at all, with
 * every rule of each service applied on the way.
 */
function flattened(trx: Transaction<DB>): Kysely<DB> {
  const inner = { execute: <T>(fn: (t: Transaction<DB>) => Promise<T>) => fn(trx) };
  return new Proxy(trx, {
    get(target, prop) {
      if (prop === 'transaction') return () => inner;
      const value: unknown = Reflect.get(target, prop, target);
      // Kysely keeps its state in private fields, which a method reaches only through the real object.
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Runs `work` with a context whose every write goes into one transaction; `at` moves its clock. */
export async function inOneTransaction<T>(ctx: ServiceContext, work: (inner: (at?: Date) => ServiceContext) => Promise<T>): Promise<T> {
  return ctx.db.transaction().execute(async (trx) => {
    const db = flattened(trx);
    return work((at) => ({ ...ctx, db, now: at ? () => at : ctx.now }));
  });
}
