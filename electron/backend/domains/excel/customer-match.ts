import type { ImportCustomerChoice, ImportCustomerRef, ImportMatchReason, ImportProblem } from '../../../../shared/schemas/excel';
import type { Db } from '../../db/schema';
import { refuse } from '../../lib/errors';
import { foldText } from '../search/fold';

/*
 * Which customer a row of the sheet is filed under. A phone alone is a weak key: a switchboard,
 * a property office or a family shares one, so a row for another organisation with the same
 * number used to be filed under the customer on file and its own name dropped. A row joins
 * a customer (on file, or a row above it) only when the name AND a phone agree. A number that
 * belongs to someone with another name makes a new customer, with a warning naming both: a new
 * customer loses nothing and two that prove to be one are merged in a click, while filing under
 * the wrong one loses the name silently, and refusing the row would block the many sheets where
 * two names truly share a number.
 *
 * When more than one customer agrees on the name and a phone (the same person entered twice, a
 * row above that made a new customer while another is on file), the importer does not pick one:
 * the row waits for the clerk to choose, or is not imported.
 */

export type CustomerTarget =
  | { kind: 'existing'; ref: ImportCustomerRef }
  | { kind: 'sameAs'; ref: ImportCustomerRef }
  | { kind: 'new' }
  | { kind: 'ambiguous' }
  | { kind: 'skipped' };

export interface CustomerMatch {
  target: CustomerTarget;
  reason: ImportMatchReason;
  /** Every customer that agrees on the name and a phone, when there is more than one. */
  candidates: ImportCustomerRef[];
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
  phone: string;
  address: string | null;
  archived: boolean;
}

/** Two names are the same when they differ only in how they are written. */
export const nameKey = (name: string) => foldText(name).replace(/\s+/g, '');
/** A number as compared: its digits, whether it was stored as 0571-88001122 or 057188001122. */
export const digitsOf = (phone: string) => phone.replace(/\D/g, '');

/** The forms a number may be stored in, so the lookup uses the phone index. */
function storedForms(phone: string): string[] {
  const digits = digitsOf(phone);
  if (!digits.startsWith('0')) return [phone, digits];
  return [phone, digits, `${digits.slice(0, 3)}-${digits.slice(3)}`, `${digits.slice(0, 4)}-${digits.slice(4)}`];
}

export async function ownersOnFile(db: Db, phones: string[]): Promise<Map<string, Owner[]>> {
  const forms = [...new Set(phones.flatMap(storedForms))];
  const owners = new Map<string, Owner[]>();
  for (let i = 0; i < forms.length; i += 500) {
    const rows = await db
      .selectFrom('customer_phones as p')
      .innerJoin('customers as c', 'c.id', 'p.customer_id')
      .select(['p.phone', 'c.id', 'c.name', 'c.archived_at'])
      // Two records of one name and number are told apart by where they are.
      .select((eb) =>
        eb
          .selectFrom('customer_addresses as a')
          .select('a.address')
          .whereRef('a.customer_id', '=', 'c.id')
          .orderBy('a.is_default', 'desc')
          .orderBy('a.position')
          .limit(1)
          .as('address'),
      )
      .where('p.phone', 'in', forms.slice(i, i + 500))
      // A merged customer lives on in the one it was merged into.
      .where('c.merged_into_id', 'is', null)
      .orderBy('c.archived_at')
      .orderBy('c.id')
      .execute();
    for (const r of rows) {
      const list = owners.get(digitsOf(r.phone)) ?? [];
      if (!list.some((o) => o.id === r.id)) list.push({ name: r.name, key: nameKey(r.name), id: r.id, row: null, phone: r.phone, address: r.address ?? null, archived: r.archived_at !== null });
      owners.set(digitsOf(r.phone), list);
    }
  }
  return owners;
}

const refOf = (o: Owner): ImportCustomerRef => ({ id: o.id, row: o.row, name: o.name, phone: o.phone, address: o.address, archived: o.archived });

/** Once each: a customer with both of the row's phones is one candidate, not two. */
function distinct(owners: Owner[]): Owner[] {
  return owners.filter((o, i) => owners.findIndex((p) => (o.id !== null ? p.id === o.id : p.row === o.row)) === i);
}

/**
 * Matches the rows of one sheet, in order: `match` each row, then `remember` the rows that will
 * be imported as new customers, so the rows below can join them.
 */
export async function customerMatcher(db: Db, phones: string[], phoneColumns: (string | null)[]) {
  const onFile = await ownersOnFile(db, phones);
  const inSheet = new Map<string, Owner[]>();

  function warningsFor(name: string, key: string, rowPhones: string[]): ImportProblem[] {
    const warnings: ImportProblem[] = [];
    rowPhones.forEach((phone, i) => {
      const d = digitsOf(phone);
      const column = phoneColumns[i] ?? null;
      if ((onFile.get(d) ?? []).some((o) => o.key === key) || (inSheet.get(d) ?? []).some((o) => o.key === key)) return;
      const other = onFile.get(d)?.[0];
      const otherRow = inSheet.get(d)?.[0];
      if (other) warnings.push({ column, message: { key: 'import.phoneOfOtherCustomer', params: { phone, existing: other.name, name } } });
      else if (otherRow) warnings.push({ column, message: { key: 'import.phoneOfOtherRow', params: { phone, other: otherRow.name, row: otherRow.row!, name } } });
    });
    return warnings;
  }

  function match(row: number, name: string, rowPhones: string[], choice?: ImportCustomerChoice): CustomerMatch {
    const key = nameKey(name);
    const digits = rowPhones.map(digitsOf);
    const agreeing = distinct(digits.flatMap((d) => onFile.get(d) ?? []).filter((o) => o.key === key));
    // A customer set aside (archived) is taken only when no customer in use agrees.
    const active = agreeing.filter((o) => !o.archived);
    const file = active.length > 0 ? active : agreeing;
    const above = distinct(digits.flatMap((d) => inSheet.get(d) ?? []).filter((o) => o.key === key));
    const all = [...file, ...above];
    const candidates = all.length > 1 ? all.map(refOf) : [];
    const warnings = warningsFor(name, key, rowPhones);
    const exact = (o: Owner) => (o.name.trim() === name.trim() ? 'sameNameAndPhone' : 'nameWrittenAlikeAndPhone');
    const targetOf = (o: Owner): CustomerTarget => (o.id !== null ? { kind: 'existing', ref: refOf(o) } : { kind: 'sameAs', ref: refOf(o) });

    if (choice !== undefined) {
      if (choice === 'skip') return { target: { kind: 'skipped' }, reason: 'chosen', candidates, warnings };
      if (choice === 'new') return { target: { kind: 'new' }, reason: 'chosen', candidates, warnings };
      const chosen = 'customerId' in choice ? file.find((o) => o.id === choice.customerId) : above.find((o) => o.row === choice.sameAsRow);
      // The sheet or the customers on file changed since the clerk chose: check again.
      if (!chosen) throw refuse('errors.importChoiceStale', { row });
      return { target: targetOf(chosen), reason: 'chosen', candidates, warnings };
    }
    if (all.length > 1) return { target: { kind: 'ambiguous' }, reason: 'several', candidates, warnings };
    if (all.length === 1) return { target: targetOf(all[0]!), reason: exact(all[0]!), candidates, warnings };
    return { target: { kind: 'new' }, reason: warnings.length > 0 ? 'phoneOfOtherName' : 'phoneNotOnFile', candidates, warnings };
  }

  function remember(row: number, name: string, rowPhones: string[], address: string | null): void {
    for (const phone of rowPhones) {
      const d = digitsOf(phone);
      inSheet.set(d, [...(inSheet.get(d) ?? []), { name, key: nameKey(name), id: null, row, phone, address, archived: false }]);
    }
  }

  return { match, remember };
}
