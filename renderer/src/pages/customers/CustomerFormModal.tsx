import { TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { customerCreateInput, type Customer } from '../../../../shared/schemas/customer';
import { useApiMutation } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { schemaValidator, showServerFieldErrors } from '../../components/formValidation';
import { notifyDone, notifyError } from '../../components/notify';

interface Values {
  name: string;
  phone: string;
  address: string;
  note: string;
}
const FIELDS = ['name', 'phone', 'address', 'note'] as const;

function initialValues(customer?: Customer | null): Values {
  return {
    name: customer?.name ?? '',
    phone: customer?.phone ?? '',
    address: customer?.address ?? '',
    note: customer?.note ?? '',
  };
}

function CustomerForm({ customer, onClose, onSaved }: { customer: Customer | null; onClose: () => void; onSaved: (c: Customer) => void }) {
  const { t } = useTranslation();
  const create = useApiMutation('customers:create', ['customers', 'units']);
  const update = useApiMutation('customers:update', ['customers', 'units']);
  const form = useForm<Values>({
    initialValues: initialValues(customer),
    validate: schemaValidator<Values>(customerCreateInput, t),
  });

  const onError = (err: unknown) => {
    if (!showServerFieldErrors(form, FIELDS, t, err)) notifyError(t, err);
  };
  const handleSubmit = form.onSubmit((values) => {
    const done = (saved: Customer) => {
      notifyDone(t(customer ? 'app.customers.updated' : 'app.customers.created', { name: saved.name }));
      onSaved(saved);
    };
    if (customer) update.mutate({ id: customer.id, ...values }, { onSuccess: done, onError });
    else create.mutate(values, { onSuccess: done, onError });
  });

  return (
    <FormModal
      opened
      onClose={onClose}
      title={t(customer ? 'app.customers.form.editTitle' : 'app.customers.form.createTitle')}
      onSubmit={handleSubmit}
      saving={create.isPending || update.isPending}
    >
      <TextInput label={t('app.customers.form.name')} withAsterisk data-autofocus {...form.getInputProps('name')} />
      <TextInput
        label={t('app.customers.form.phone')}
        withAsterisk
        inputMode="tel"
        description={t('app.customers.form.phoneHint')}
        {...form.getInputProps('phone')}
      />
      <TextInput label={t('app.customers.form.address')} placeholder={t('app.customers.form.addressHint')} {...form.getInputProps('address')} />
      <Textarea label={t('app.customers.form.note')} autosize minRows={2} maxRows={5} {...form.getInputProps('note')} />
    </FormModal>
  );
}

/** New customer, or edit one: the form is mounted fresh each time it opens. */
export function CustomerFormModal({
  opened,
  customer = null,
  onClose,
  onSaved,
}: {
  opened: boolean;
  customer?: Customer | null;
  onClose: () => void;
  onSaved: (c: Customer) => void;
}) {
  return opened ? <CustomerForm customer={customer} onClose={onClose} onSaved={onSaved} /> : null;
}
