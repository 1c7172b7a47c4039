import { SimpleGrid, Switch, TagsInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { technicianCreateInput, type Technician } from '../../../../shared/schemas/resources';
import { useApiMutation } from '../../api/client';
import { FormModal } from '../../ui/FormModal';
import { schemaValidator, showServerFieldErrors } from '../../lib/formValidation';
import { notifyDone, notifyError } from '../../lib/notify';

interface Values {
  name: string;
  phone: string;
  skills: string[];
  certificateNo: string;
  active: boolean;
}
const FIELDS = ['name', 'phone', 'skills', 'certificateNo', 'active'] as const;

function TechnicianForm({ technician, onClose }: { technician: Technician | null; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useApiMutation('technicians:create');
  const update = useApiMutation('technicians:update');
  const form = useForm<Values>({
    initialValues: {
      name: technician?.name ?? '',
      phone: technician?.phone ?? '',
      skills: technician?.skills ?? [],
      certificateNo: technician?.certificateNo ?? '',
      active: technician?.active ?? true,
    },
    validate: schemaValidator<Values>(technicianCreateInput, t),
  });

  const handleSubmit = form.onSubmit((values) => {
    const onError = (err: unknown) => {
      if (!showServerFieldErrors(form, FIELDS, t, err)) notifyError(t, err);
    };
    const done = (saved: Technician) => {
      notifyDone(t(technician ? 'stock.technicians.updated' : 'stock.technicians.created', { name: saved.name }));
      onClose();
    };
    if (technician) update.mutate({ id: technician.id, ...values }, { onSuccess: done, onError });
    else create.mutate(values, { onSuccess: done, onError });
  });

  return (
    <FormModal
      opened
      onClose={onClose}
      title={t(technician ? 'stock.technicians.form.editTitle' : 'stock.technicians.form.createTitle')}
      onSubmit={handleSubmit}
      saving={create.isPending || update.isPending}
    >
      <SimpleGrid cols={2} spacing="sm">
        <TextInput label={t('stock.technicians.form.name')} withAsterisk data-autofocus {...form.getInputProps('name')} />
        <TextInput label={t('stock.technicians.form.phone')} withAsterisk inputMode="tel" {...form.getInputProps('phone')} />
      </SimpleGrid>
      <TagsInput
        label={t('stock.technicians.form.skills')}
        placeholder={t('stock.technicians.form.skillsPlaceholder')}
        clearable
        {...form.getInputProps('skills')}
      />
      <TextInput
        label={t('stock.technicians.form.certificateNo')}
        placeholder={t('stock.technicians.form.certificatePlaceholder')}
        {...form.getInputProps('certificateNo')}
      />
      <Switch label={t('stock.technicians.form.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
    </FormModal>
  );
}

/** New technician, or edit one: the form is mounted fresh each time it opens. */
export function TechnicianFormModal({ opened, technician, onClose }: { opened: boolean; technician: Technician | null; onClose: () => void }) {
  return opened ? <TechnicianForm technician={technician} onClose={onClose} /> : null;
}
