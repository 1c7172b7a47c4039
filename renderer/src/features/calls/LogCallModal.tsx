import { Input, SegmentedControl, Select, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CALL_OUTCOMES, CALL_PURPOSES, type CallOutcome, type CallPurpose } from '../../../../shared/domain/calls';
import { useApiMutation, useApiQuery } from '../../api/client';
import { apiErrorOf, errorText, fieldErrorTexts } from '../../lib/errorText';
import { notifyDone, notifyError } from '../../lib/notify';
import { startRepairFromCall } from '../../lib/windowMessage';
import { FormModal } from '../../ui/FormModal';
import { onLogCall, startLogCall, type CallPrefill } from './callBus';

const isPurpose = (v: string): v is CallPurpose => (CALL_PURPOSES as readonly string[]).includes(v);
const isOutcome = (v: string): v is CallOutcome => (CALL_OUTCOMES as readonly string[]).includes(v);

/** The outcome a purpose most often ends in, offered first: most calls end on the phone. */
const usualOutcome = (purpose: CallPurpose): CallOutcome => (purpose === 'complaint' ? 'complaintRecorded' : 'solvedByPhone');

/**
 * The call log's one dialog (来电登记): opened from the search box with the caller found (or the
 * number typed), it takes a call in a few keys: the purpose by arrow keys, Tab, the outcome,
 * Tab, a note, Ctrl+Enter.
 */
export function LogCallModal() {
  const [prefill, setPrefill] = useState<CallPrefill | null>(null);
  useEffect(() => onLogCall(setPrefill), []);
  if (!prefill) return null;
  // A fresh form for each call: keyed by the moment it opened.
  return <LogCallForm prefill={prefill} onClose={() => setPrefill(null)} />;
}

function LogCallForm({ prefill, onClose }: { prefill: CallPrefill; onClose: () => void }) {
  const { t } = useTranslation();
  const log = useApiMutation('calls:log');
  const customerId = prefill.customerId ?? null;
  const units = useApiQuery('units:listByCustomer', { customerId: customerId ?? 0 }, { enabled: customerId !== null });
  const [purpose, setPurpose] = useState<CallPurpose>(prefill.purpose ?? 'repair');
  const [outcome, setOutcome] = useState<CallOutcome>(usualOutcome(prefill.purpose ?? 'repair'));
  const [unitId, setUnitId] = useState<string | null>(prefill.unitId ? String(prefill.unitId) : null);
  const [callerName, setCallerName] = useState(prefill.callerName ?? '');
  const [callerPhone, setCallerPhone] = useState(prefill.callerPhone ?? '');
  const [notes, setNotes] = useState(prefill.notes ?? '');
  const fields = log.isError ? fieldErrorTexts(t, log.error) : {};
  const fieldError = (name: string) => fields[name];
  // The purpose is the first thing asked: its chosen option takes the focus once the dialog has
  // placed its own (a segmented control has no single input to mark data-autofocus).
  const purposeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const timer = setTimeout(() => purposeRef.current?.querySelector<HTMLInputElement>('input:checked')?.focus(), 80);
    return () => clearTimeout(timer);
  }, []);

  // A call that needs a visit is not logged here: the ticket form takes over, and saving the
  // ticket logs this call with it (logged here as well, it would count twice).
  const opensTicket = outcome === 'ticketOpened';
  const submit = () => {
    if (log.isPending) return;
    if (opensTicket) {
      startRepairFromCall({
        customerId,
        unitId: unitId ? Number(unitId) : null,
        phone: callerPhone.trim(),
        name: callerName.trim(),
        fault: notes.trim(),
        onCancel: () => startLogCall({ ...prefill, unitId: unitId ? Number(unitId) : undefined, callerPhone, callerName, purpose, notes }),
      });
      onClose();
      return;
    }
    log.mutate(
      {
        customerId,
        unitId: unitId ? Number(unitId) : null,
        callerName: customerId === null ? callerName : null,
        callerPhone: customerId === null ? callerPhone : null,
        purpose,
        outcome,
        notes,
      },
      {
        onSuccess: () => {
          notifyDone(t('calls.log.saved'));
          onClose();
        },
        onError: (err) => {
          if (Object.keys(apiErrorOf(err)?.details?.fields ?? {}).length === 0) notifyError(t, err);
        },
      },
    );
  };

  return (
    <FormModal opened onClose={onClose} title={t('calls.log.title')} onSubmit={(e) => (e?.preventDefault(), submit())} saving={log.isPending} size={560} submitLabel={t(opensTicket ? 'calls.log.openRepair' : 'calls.log.save')}>
      {customerId !== null ? (
        <Input.Wrapper label={t('calls.log.customer')}>
          <Text fw={600} data-testid="call-customer">
            {prefill.customerName}
          </Text>
        </Input.Wrapper>
      ) : (
        <>
          <TextInput label={t('calls.log.callerPhone')} value={callerPhone} onChange={(e) => setCallerPhone(e.currentTarget.value)} error={fieldError('callerPhone')} autoComplete="off" />
          <TextInput label={t('calls.log.callerName')} value={callerName} onChange={(e) => setCallerName(e.currentTarget.value)} error={fieldError('callerName')} autoComplete="off" />
        </>
      )}
      {customerId !== null && (
        <Select
          label={t('calls.log.unit')}
          placeholder={t('calls.log.unitNone')}
          data={(units.data ?? []).map((u) => ({ value: String(u.id), label: `${u.brand} ${u.model} · ${u.serial}` }))}
          value={unitId}
          onChange={setUnitId}
          clearable
          error={fieldError('unitId')}
        />
      )}
      <Input.Wrapper label={t('calls.log.purpose')}>
        <div>
          <SegmentedControl
            ref={purposeRef}
            data-testid="call-purpose"
            value={purpose}
            onChange={(v) => {
              if (!isPurpose(v)) return;
              setPurpose(v);
              setOutcome(usualOutcome(v));
            }}
            data={CALL_PURPOSES.map((p) => ({ value: p, label: t(`calls.purpose.${p}`) }))}
          />
        </div>
      </Input.Wrapper>
      <Input.Wrapper label={t('calls.log.outcome')} error={fieldError('outcome')}>
        <div>
          <SegmentedControl
            data-testid="call-outcome"
            value={outcome}
            onChange={(v) => isOutcome(v) && setOutcome(v)}
            data={CALL_OUTCOMES.map((o) => ({ value: o, label: t(`calls.outcome.${o}`) }))}
          />
        </div>
      </Input.Wrapper>
      <Textarea label={t('calls.log.notes')} placeholder={t('calls.log.notesPlaceholder')} autosize minRows={2} maxRows={5} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={fieldError('notes')} />
      {log.isError && Object.keys(fields).length === 0 && (
        <Text size="sm" c="red">
          {errorText(t, log.error)}
        </Text>
      )}
      <Text size="xs" c="dimmed" data-testid="call-save-hint">
        {t(opensTicket ? (customerId === null ? 'calls.log.openRepairNewHint' : 'calls.log.openRepairHint') : 'calls.log.saveHint')}
      </Text>
    </FormModal>
  );
}
