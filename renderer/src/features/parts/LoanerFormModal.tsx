import { SimpleGrid, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { loanerCreateInput, type Loaner } from '../../../../shared/schemas/resources';
import { useApiMutation } from '../../api/client';
import { FormModal } from '../../ui/FormModal';
import { schemaValidator, showServerFieldErrors } from '../../lib/formValidation';
import { notifyDone, notifyError } from '../../lib/notify';

interface Values {
  name: string;
  model: string;
  serial: string;
  note: string;
  active: boolean;
}
const FIELDS = ['name', 'model', 'serial', 'note', 'active'] as const;

function LoanerForm({ loaner, onClose }: { loaner: Loaner | null; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useApiMutation('loaners:create');
  const update = useApiMutation('loaners:update');
  const form = useForm<Values>({
    initialValues: {
      name: loaner?.name ?? '',
      model: loaner?.model ?? '',
      serial: loaner?.serial ?? '',
      note: loaner?.note ?? '',
      active: loaner?.active ?? true,
    },
    validate: schemaValidator<Values>(loanerCreateInput, t),
  });
  const handleSubmit = form.onSubmit((values) => {
    const onError = (err: unknown) => {
      if (!showServerFieldErrors(form, FIELDS, t, err)) notifyError(t, err);
    };
    const done = (saved: Loaner) => {
      notifyDone(t(loaner ? 'stock.loaners.updated' : 'stock.loaners.created', { name: saved.name }));
      onClose();
    };
    if (loaner) update.mutate({ id: loaner.id, ...values }, { onSuccess: done, onError });
    else create.mutate(values, { onSuccess: done, onError });
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t(loaner ? 'stock.loaners.form.editTitle' : 'stock.loaners.form.createTitle')}
      onSubmit={handleSubmit}
      saving={create.isPending || update.isPending}
    >
      <TextInput label={t('stock.loaners.form.name')} placeholder={t('stock.loaners.form.namePlaceholder')} withAsterisk data-autofocus {...form.getInputProps('name')} />
      <SimpleGrid cols={2} spacing="sm">
        <TextInput label={t('stock.loaners.form.model')} spellCheck={false} {...form.getInputProps('model')} />
        <TextInput label={t('stock.loaners.form.serial')} spellCheck={false} {...form.getInputProps('serial')} />
      </SimpleGrid>
      <TextInput label={t('stock.loaners.form.note')} {...form.getInputProps('note')} />
      <Switch label={t('stock.loaners.form.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
    </FormModal>
  );
}

export function LoanerFormModal({ opened, loaner, onClose }: { opened: boolean; loaner: Loaner | null; onClose: () => void }) {
  return opened ? <LoanerForm loaner={loaner} onClose={onClose} /> : null;
}
