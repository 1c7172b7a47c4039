import { Button, Group, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowBackUp, IconDeviceDesktopShare } from '@tabler/icons-react';
import { useState, type FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../../shared/format';
import { loanIssueInput } from '../../../../shared/schemas/resources';
import type { TicketDetail } from '../../../../shared/schemas/ticket';
import { useApiMutation, useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { tidyDate } from '../../lib/dates';
import { FormModal } from '../../ui/FormModal';
import { schemaValidator, showServerFieldErrors } from '../../lib/formValidation';
import { notifyDone, notifyError } from '../../lib/notify';
import { QueryState } from '../../ui/QueryState';
import { Panel } from './ticket-common';
import { isWorkEditable } from '../../../../shared/domain/ticket-status';

/** The select's choice recording that the pool had nothing to lend (the loaner promise still counts it). */
const NONE = 'none';

interface LoanValues {
  loaner: string | null;
  expectedReturn: string;
  receivedUnit: string;
  note: string;
}

function LoanForm({ ticket, onClose }: { ticket: TicketDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const loaners = useApiQuery('loaners:list', {});
  const issue = useApiMutation('loans:issue');
  const available = (loaners.data ?? []).filter((l) => l.active && !l.outOn);
  const toInput = (v: LoanValues) => ({
    ticketId: ticket.id,
    loanerId: v.loaner && v.loaner !== NONE ? Number(v.loaner) : null,
    expectedReturn: tidyDate(v.expectedReturn) || null,
    receivedUnit: v.receivedUnit,
    note: v.note,
  });
  const form = useForm<LoanValues>({
    initialValues: {
      loaner: null,
      expectedReturn: ticket.expectedOn ?? '',
      receivedUnit: [ticket.intakeAccessories, ticket.intakeCondition].filter(Boolean).join(t('app.common.listSeparator')),
      note: '',
    },
    validate: (v) => {
      const errors = schemaValidator<LoanValues>(loanIssueInput, t, toInput)(v);
      if (!v.loaner) errors.loaner = t('validation.required');
      return errors;
    },
  });
  const handleSubmit = form.onSubmit((values) =>
    issue.mutate(toInput(values), {
      onSuccess: (loan) => {
        notifyDone(loan.loanerName ? t('tickets.loan.issued', { name: loan.loanerName }) : t('tickets.loan.noneRecorded'));
        onClose();
      },
      onError: (err) => {
        if (!showServerFieldErrors(form, ['loanerId', 'expectedReturn', 'receivedUnit', 'note'], t, err)) notifyError(t, err);
      },
    }),
  );
  const expected = form.getInputProps('expectedReturn');
  return (
    <FormModal opened onClose={onClose} title={t('tickets.loan.title', { number: ticket.number })} onSubmit={handleSubmit} saving={issue.isPending} size={560}>
      <QueryState isPending={loaners.isPending} error={loaners.error} />
      <Select
        label={t('tickets.loan.loaner')}
        withAsterisk
        data-autofocus
        allowDeselect={false}
        data={[
          ...available.map((l) => ({ value: String(l.id), label: [l.name, l.model, l.serial].filter(Boolean).join(' · ') })),
          { value: NONE, label: t('tickets.loan.noneAvailable') },
        ]}
        {...form.getInputProps('loaner')}
      />
      {loaners.data && available.length === 0 && (
        <Text size="xs" c="orange" mt={-6}>
          {t('tickets.loan.poolEmpty')}
        </Text>
      )}
      <TextInput
        label={t('tickets.loan.expectedReturn')}
        placeholder={t('app.common.datePlaceholder')}
        maxLength={10}
        {...expected}
        onBlur={(event: FocusEvent<HTMLInputElement>) => {
          form.setFieldValue('expectedReturn', tidyDate(event.currentTarget.value));
          (expected.onBlur as ((e: FocusEvent<HTMLInputElement>) => void) | undefined)?.(event);
        }}
      />
      <Textarea label={t('tickets.loan.receivedUnit')} placeholder={t('tickets.loan.receivedUnitPlaceholder')} autosize minRows={2} maxRows={4} {...form.getInputProps('receivedUnit')} />
      <TextInput label={t('tickets.loan.note')} {...form.getInputProps('note')} />
    </FormModal>
  );
}

/** A loaner while the customer's unit is away (the seeds' promise: within 48 hours). */
export function LoanPanel({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [issuing, setIssuing] = useState(false);
  const giveBack = useApiMutation('loans:return');
  const editable = isWorkEditable(ticket.status);
  return (
    <Panel
      title={t('tickets.loan.panel')}
      icon={<IconDeviceDesktopShare size={16} stroke={1.6} />}
      testId="ticket-loan"
      actions={
        editable && (
          <Button size="compact-sm" variant="light" onClick={() => setIssuing(true)}>
            {t('tickets.loan.issue')}
          </Button>
        )
      }
    >
      {ticket.loans.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('tickets.loan.empty')}
        </Text>
      ) : (
        <Stack gap={6}>
          {ticket.loans.map((loan) => (
            <Group key={loan.id} justify="space-between" align="flex-start" wrap="nowrap" data-testid="loan">
              <div>
                <Text size="sm" fw={500}>
                  {loan.loanerName ?? t('tickets.loan.noneAvailable')}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('tickets.loan.issuedAt', { at: formatDateTime(loan.issuedAt, lang) })}
                  {loan.expectedReturn && ` · ${t('tickets.loan.expected', { date: formatDate(loan.expectedReturn, lang) })}`}
                  {loan.returnedAt !== null && ` · ${t('tickets.loan.returnedAt', { at: formatDateTime(loan.returnedAt, lang) })}`}
                </Text>
                {loan.receivedUnit && <Text size="xs">{t('tickets.loan.received', { text: loan.receivedUnit })}</Text>}
                {loan.note && <Text size="xs">{loan.note}</Text>}
              </div>
              {loan.loanerId !== null && loan.returnedAt === null && (
                <Button
                  size="compact-xs"
                  variant="default"
                  leftSection={<IconArrowBackUp size={12} />}
                  loading={giveBack.isPending && giveBack.variables?.id === loan.id}
                  onClick={() =>
                    giveBack.mutate({ id: loan.id }, { onSuccess: () => notifyDone(t('tickets.loan.returned', { name: loan.loanerName ?? '' })), onError: (err) => notifyError(t, err) })
                  }
                >
                  {t('tickets.loan.return')}
                </Button>
              )}
            </Group>
          ))}
        </Stack>
      )}
      {issuing && <LoanForm ticket={ticket} onClose={() => setIssuing(false)} />}
    </Panel>
  );
}
