import { Input, SegmentedControl, Select, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPhone } from '../../../../shared/format';
import { COMPLAINT_CHANNELS, complaintCreateInput, type Complaint } from '../../../../shared/schemas/service';
import { useApiMutation, useApiQuery } from '../../api/client';
import { FormModal } from '../../ui/FormModal';
import { schemaValidator, showServerFieldErrors } from '../../lib/formValidation';
import { notifyDone, notifyError } from '../../lib/notify';

type Channel = (typeof COMPLAINT_CHANNELS)[number];

interface Values {
  channel: Channel;
  content: string;
  customerId: string | null;
  ticketId: string | null;
  handler: string;
}

const toInput = (v: Values) => ({
  channel: v.channel,
  content: v.content,
  customerId: v.customerId ? Number(v.customerId) : null,
  ticketId: v.ticketId ? Number(v.ticketId) : null,
  handler: v.handler,
});

/** The caller is found the way the search box finds them: name, phone, pinyin. */
function useCustomerOptions(search: string) {
  const [query] = useDebouncedValue(search.trim(), 150);
  const list = useApiQuery('customers:list', { query, limit: 20 }, { placeholderData: (previous) => previous });
  return (list.data?.items ?? []).map((c) => ({ value: String(c.id), label: `${c.name} · ${formatPhone(c.phone)}` }));
}

/** Recent tickets, the chosen customer's only once one is picked; searched by number as typed. */
function useTicketOptions(customerId: string | null) {
  const list = useApiQuery('tickets:list', { scope: 'all', customerId: customerId ? Number(customerId) : null, limit: 200 }, { retry: false });
  return (list.data?.rows ?? []).map((r) => ({ value: String(r.id), label: `${r.number} · ${r.customerName} · ${r.unitLabel}` }));
}

function ComplaintForm({ onClose, onCreated }: { onClose: () => void; onCreated: (c: Complaint) => void }) {
  const { t } = useTranslation();
  const create = useApiMutation('complaints:create');
  const [customerSearch, setCustomerSearch] = useState('');
  const form = useForm<Values>({
    initialValues: { channel: 'phone', content: '', customerId: null, ticketId: null, handler: '' },
    validate: schemaValidator<Values>(complaintCreateInput, t, toInput),
  });
  const customers = useCustomerOptions(customerSearch);
  const tickets = useTicketOptions(form.values.customerId);

  const submit = form.onSubmit((values) =>
    create.mutate(toInput(values), {
      onSuccess: (saved) => {
        notifyDone(t('service.complaints.created', { number: saved.number }));
        onCreated(saved);
      },
      onError: (err) => {
        if (!showServerFieldErrors(form, ['content', 'customerId', 'ticketId', 'handler', 'channel'], t, err)) notifyError(t, err);
      },
    }),
  );

  return (
    <FormModal opened onClose={onClose} size={600} title={t('service.complaints.createTitle')} onSubmit={submit} saving={create.isPending}>
      <Input.Wrapper label={t('service.complaints.fields.channel')}>
        <div>
          <SegmentedControl
            aria-label={t('service.complaints.fields.channel')}
            value={form.values.channel}
            onChange={(v) => form.setFieldValue('channel', v as Channel)}
            data={COMPLAINT_CHANNELS.map((c) => ({ value: c, label: t(`service.channel.${c}`) }))}
          />
        </div>
      </Input.Wrapper>
      <Textarea label={t('service.complaints.fields.content')} placeholder={t('service.complaints.fields.contentPlaceholder')} withAsterisk autosize minRows={3} maxRows={8} data-autofocus {...form.getInputProps('content')} />
      <Select
        label={t('service.complaints.fields.customer')}
        placeholder={t('service.complaints.fields.customerPlaceholder')}
        searchable
        clearable
        searchValue={customerSearch}
        onSearchChange={setCustomerSearch}
        // The backend already filtered by name, phone and pinyin; filtering again by label would drop pinyin hits.
        filter={({ options }) => options}
        nothingFoundMessage={t('service.complaints.fields.noCustomer')}
        data={customers}
        {...form.getInputProps('customerId')}
        onChange={(v) => {
          form.setFieldValue('customerId', v);
          form.setFieldValue('ticketId', null);
        }}
      />
      <Select
        label={t('service.complaints.fields.ticket')}
        description={t('service.complaints.fields.ticketHint')}
        placeholder={t('service.complaints.fields.ticketPlaceholder')}
        searchable
        clearable
        nothingFoundMessage={t('service.complaints.fields.noTicket')}
        data={tickets}
        {...form.getInputProps('ticketId')}
      />
      <TextInput label={t('service.complaints.fields.handler')} placeholder={t('service.complaints.fields.handlerPlaceholder')} {...form.getInputProps('handler')} />
    </FormModal>
  );
}

export function NewComplaintModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (c: Complaint) => void }) {
  return opened ? <ComplaintForm onClose={onClose} onCreated={onCreated} /> : null;
}
