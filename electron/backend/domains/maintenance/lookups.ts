import type { Db } from '../../db/schema';
import { notFound } from '../../lib/errors';

/** A filter naming a record that is not there is a mistake to say, not an empty list. */
export async function mustExist(db: Db, table: 'customers' | 'technicians', id: number | null, key: string): Promise<void> {
  if (id === null) return;
  const row = await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(key, { id });
}
