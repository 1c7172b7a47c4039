import { useEffect, useRef, useState } from 'react';
import { navigate } from '../../app/router';
import { onRepairFromCall } from '../../lib/windowMessage';
import { onNewCaller, type CallerPrefill } from '../search';
import { NewTicketModal } from '../tickets';
import { CustomerFormModal } from './CustomerFormModal';

interface Repair {
  customerId: number;
  unitId: number | null;
  fault: string;
  /** From a call: what backing out of the form without a ticket does. */
  onCancel?: () => void;
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
  // An unknown caller from the call dialog: the note and the way back, kept through the customer form.
  const [fromCall, setFromCall] = useState<{ fault: string; onCancel: () => void } | null>(null);
  // Set when the ticket is saved: closing the form then is not backing out.
  const created = useRef(false);
  useEffect(() => onNewCaller((typed) => (setFromCall(null), setPrefill({ ...typed }))), []);
  useEffect(
    () =>
      onRepairFromCall((call) => {
        created.current = false;
        if (call.customerId !== null) setRepairFor({ customerId: call.customerId, unitId: call.unitId, fault: call.fault, onCancel: call.onCancel });
        else {
          setFromCall({ fault: call.fault, onCancel: call.onCancel });
          setPrefill({ phone: call.phone || undefined, name: call.name || undefined, repair: true });
        }
      }),
    [],
  );
  const closeRepair = () => {
    if (!created.current) repairFor?.onCancel?.();
    setRepairFor(null);
  };
  return (
    <>
      <CustomerFormModal
        opened={prefill !== null}
        prefill={prefill ?? {}}
        forCaller={prefill?.repair ?? false}
        onClose={() => {
          setPrefill(null);
          fromCall?.onCancel();
          setFromCall(null);
        }}
        onSaved={(customer) => {
          const repair = prefill?.repair ?? false;
          setPrefill(null);
          setFromCall(null);
          navigate({ section: 'customer', id: customer.id });
          created.current = false;
          if (repair) setRepairFor({ customerId: customer.id, unitId: null, fault: fromCall?.fault ?? '', onCancel: fromCall?.onCancel });
        }}
      />
      {repairFor !== null && (
        <NewTicketModal
          opened
          customerId={repairFor.customerId}
          unitId={repairFor.unitId}
          fault={repairFor.fault}
          onCreated={() => (created.current = true)}
          onClose={closeRepair}
        />
      )}
    </>
  );
}
