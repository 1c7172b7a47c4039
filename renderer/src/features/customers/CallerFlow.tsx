import { useEffect, useState } from 'react';
import { navigate } from '../../app/router';
import { onRepairFromCall } from '../../lib/windowMessage';
import { onNewCaller, type CallerPrefill } from '../search';
import { NewTicketModal } from '../tickets';
import { CustomerFormModal } from './CustomerFormModal';

interface Repair {
  customerId: number;
  unitId: number | null;
  fault: string;
}

/**
 * A caller the desk does not know, from the search box: the new-customer form with what was
 * typed already in it, then straight on to their repair, on the new customer's page. A call
 * logged in the call dialog that needs a visit comes here too: to the repair form at once for a
 * customer on file, through the customer form first for a caller who is not, the note of the
 * call carried on as the fault.
 */
export function CallerFlow() {
  const [prefill, setPrefill] = useState<CallerPrefill | null>(null);
  const [repairFor, setRepairFor] = useState<Repair | null>(null);
  const [fault, setFault] = useState('');
  useEffect(() => onNewCaller((typed) => (setFault(''), setPrefill({ ...typed }))), []);
  useEffect(
    () =>
      onRepairFromCall((call) => {
        if (call.customerId !== null) setRepairFor({ customerId: call.customerId, unitId: call.unitId, fault: call.fault });
        else {
          setFault(call.fault);
          setPrefill({ phone: call.phone || undefined, name: call.name || undefined, repair: true });
        }
      }),
    [],
  );
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
          if (repair) setRepairFor({ customerId: customer.id, unitId: null, fault });
        }}
      />
      {repairFor !== null && <NewTicketModal opened customerId={repairFor.customerId} unitId={repairFor.unitId} fault={repairFor.fault} onClose={() => setRepairFor(null)} />}
    </>
  );
}
