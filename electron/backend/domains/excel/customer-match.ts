import type { ImportProblem } from '../../../../shared/schemas/excel';
import type { Db } from '../../db/schema';
import { foldText } from '../search/fold';

/*
 * Which customer a row of the sheet is filed under. A phone alone is a weak key: a switchboard,
 * a property office or a family shares one, so a row for another organisation with the same
 * number used to be filed under the customer on file and its own name dropped. A row now joins
 * a customer (on file, or a row above it) only when the name AND a phone agree. A number that
 * belongs to someone with another name makes a new customer, with a warning naming both: a new
 * customer loses nothing and two that prove to be one are merged in a click, while filing under
 * the wrong one loses the name silently, and refusing the row would block the many sheets where
 * two names truly share a number.
 */

export type CustomerTarget =
  | { kind: 'existing'; id: number; name: string }
  | { kind: 'sameAs'; row: number; name: string }
  | { kind: 'new' };

export interface CustomerMatch {
  target: CustomerTarget;
  /** Numbers of this row that belong to someone else by another name. */
  warnings: ImportProblem[];
}

interface Owner {
  name: string;
  /** The name as compared: folded (traditional as simplified, full-width as plain), no spaces. */
  key: string;
  /** On file, or else the sheet row that will create it. */
  id: number | null;
  row: number | null;
}

/** Two names are the same when they differ only in how they are written. */
const nameKey = (name: string) => foldText(name).replace(/\s+/g, '');
/** A number as compared: its digits, whether it was stored as 0571-88001122 or 057188001122. */
const digitsOf = (phone: string) => phone.replace(/\D/g, '');

/** The forms a number may be stored in, so the lookup uses the phone index. */
function storedForms(phone: string): string[] {
  const digits = digitsOf(phone);
  if (!digits.startsWith('0')) return [phone, digits];
  return [phone, digits, `${digits.slice(0, 3)}-${digits.slice(3)}`, `${digits.slice(0, 4)}-${digits.slice(4)}`];
}

async function ownersOnFile(db: Db, phones: string[]): Promise<Map<string, Owner[]>> {
  const forms = [...new Set(phones.flatMap(storedForms))];
  const owners = new Map<string, Owner[]>();
  for (let i = 0; i < forms.length; i += 500) {
    const rows = await db
      .selectFrom('customer_phones as p')
      .innerJoin('customers as c', 'c.id', 'p.customer_id')
      .select(['p.phone', 'c.id', 'c.name'])
      .where('p.phone', 'in', forms.slice(i, i + 500))
      // A merged customer lives on in the one it was merged into.
      .where('c.merged_into_id', 'is', null)
      .orderBy('c.archived_at')
      .orderBy('c.id')
      .execute();
    for (const r of rows) {
      const list = owners.get(digitsOf(r.phone)) ?? [];
      if (!list.some((o) => o.id === r.id)) list.push({ name: r.name, key: nameKey(r.name), id: r.id, row: null });
      owners.set(digitsOf(r.phone), list);
    }
  }
  return owners;
}

/**
 * Matches the rows of one sheet, in order: `match` each row, then `remember` the rows that will
 * be imported as new customers, so the rows below can join them.
 */
export async function customerMatcher(db: Db, phones: string[], phoneColumns: (string | null)[]) {
  const onFile = await ownersOnFile(db, phones);
  const inSheet = new Map<string, Owner[]>();

  function match(row: number, name: string, rowPhones: string[]): CustomerMatch {
    const key = nameKey(name);
    const digits = rowPhones.map(digitsOf);
    const existing = digits.flatMap((d) => onFile.get(d) ?? []).find((o) => o.key === key);
    const above = existing ? undefined : digits.flatMap((d) => inSheet.get(d) ?? []).find((o) => o.key === key);
    const target: CustomerTarget = existing
      ? { kind: 'existing', id: existing.id!, name: existing.name }
      : above
        ? { kind: 'sameAs', row: above.row!, name: above.name }
        : { kind: 'new' };
    const warnings: ImportProblem[] = [];
    digits.forEach((d, i) => {
      const phone = rowPhones[i]!;
      const column = phoneColumns[i] ?? null;
      if ((onFile.get(d) ?? []).some((o) => o.key === key) || (inSheet.get(d) ?? []).some((o) => o.key === key)) return;
      const other = onFile.get(d)?.[0];
      const otherRow = inSheet.get(d)?.[0];
      if (other) warnings.push({ column, message: { key: 'import.phoneOfOtherCustomer', params: { phone, existing: other.name, name } } });
      else if (otherRow) warnings.push({ column, message: { key: 'import.phoneOfOtherRow', params: { phone, other: otherRow.name, row: otherRow.row!, name } } });
    });
    return { target, warnings };
  }

  function remember(row: number, name: string, rowPhones: string[]): void {
    for (const d of rowPhones.map(digitsOf)) inSheet.set(d, [...(inSheet.get(d) ?? []), { name, key: nameKey(name), id: null, row }]);
  }

  return { match, remember };
}
