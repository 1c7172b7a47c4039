import { useEffect, useState } from 'react';
import { navigate } from '../../app/router';
import { onNewCaller, type CallerPrefill } from '../search';
import { NewTicketModal } from '../tickets';
import { CustomerFormModal } from './CustomerFormModal';

/**
 * A caller the desk does not know, from the search box: the new-customer form with what was
 * typed already in it, then straight on to their repair, on the new customer's page.
 */
export function CallerFlow() {
  const [prefill, setPrefill] = useState<CallerPrefill | null>(null);
  const [repairFor, setRepairFor] = useState<number | null>(null);
  useEffect(() => onNewCaller((typed) => setPrefill({ ...typed })), []);
  return (
    <>
      <CustomerFormModal
        opened={prefill !== null}
        prefill={prefill ?? {}}
        forCaller={prefill?.repair ?? false}
        onClose={() => setPrefill(null)}
        onSaved={(customer) => {
          const repair = prefill?.repair ?? false;
          setPrefill(null);
          navigate({ section: 'customer', id: customer.id });
          if (repair) setRepairFor(customer.id);
        }}
      />
      {repairFor !== null && <NewTicketModal opened customerId={repairFor} onClose={() => setRepairFor(null)} />}
    </>
  );
}
