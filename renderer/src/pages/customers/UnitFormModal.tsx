import { Group, NumberInput, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { unitCreateInput, type Unit } from '../../../../shared/schemas/unit';
import { useApiMutation } from '../../api/client';
import { tidyDate } from '../../components/dates';
import { FormModal } from '../../components/FormModal';
import { schemaValidator, showServerFieldErrors } from '../../components/formValidation';
import { notifyDone, notifyError } from '../../components/notify';

interface Values {
  brand: string;
  model: string;
  serial: string;
  purchaseDate: string;
  acceptanceDate: string;
  warrantyMonths: number | string;
}
const FIELDS = ['brand', 'model', 'serial', 'purchaseDate', 'acceptanceDate', 'warrantyMonths'] as const;
const DEFAULT_WARRANTY_MONTHS = 12;

function initialValues(unit: Unit | null): Values {
  return {
    brand: unit?.brand ?? '',
    model: unit?.model ?? '',
    serial: unit?.serial ?? '',
    purchaseDate: unit?.purchaseDate ?? '',
    acceptanceDate: unit?.acceptanceDate ?? '',
    warrantyMonths: unit?.warrantyMonths ?? DEFAULT_WARRANTY_MONTHS,
  };
}

function toInput(values: Values, customerId: number) {
  return {
    customerId,
    brand: values.brand,
    model: values.model,
    serial: values.serial.trim(),
    purchaseDate: tidyDate(values.purchaseDate),
    acceptanceDate: tidyDate(values.acceptanceDate),
    // An emptied number field is "not given", which the schema reports as required.
    warrantyMonths: values.warrantyMonths === '' ? (undefined as unknown as number) : Number(values.warrantyMonths),
  };
}

function UnitForm({
  customerId,
  unit,
  onClose,
  onSaved,
}: {
  customerId: number;
  unit: Unit | null;
  onClose: () => void;
  onSaved: (u: Unit) => void;
}) {
  const { t } = useTranslation();
  const create = useApiMutation('units:create', ['units', 'customers']);
  const update = useApiMutation('units:update', ['units', 'customers', 'documents']);
  const form = useForm<Values>({
    initialValues: initialValues(unit),
    validate: schemaValidator<Values>(unitCreateInput, t, (v) => toInput(v, customerId)),
  });

  const onError = (err: unknown) => {
    if (!showServerFieldErrors(form, FIELDS, t, err)) notifyError(t, err);
  };
  const handleSubmit = form.onSubmit((values) => {
    const input = toInput(values, customerId);
    const done = (saved: Unit) => {
      notifyDone(t(unit ? 'app.units.updated' : 'app.units.created', { model: saved.model, serial: saved.serial }));
      onSaved(saved);
    };
    if (unit) update.mutate({ id: unit.id, ...input }, { onSuccess: done, onError });
    else create.mutate(input, { onSuccess: done, onError });
  });

  const dateProps = (field: 'purchaseDate' | 'acceptanceDate') => {
    const props = form.getInputProps(field);
    return {
      ...props,
      placeholder: t('app.common.datePlaceholder'),
      inputMode: 'numeric' as const,
      maxLength: 10,
      onBlur: (event: FocusEvent<HTMLInputElement>) => {
        form.setFieldValue(field, tidyDate(event.currentTarget.value));
        (props.onBlur as ((e: FocusEvent<HTMLInputElement>) => void) | undefined)?.(event);
      },
    };
  };

  return (
    <FormModal
      opened
      onClose={onClose}
      size={600}
      title={t(unit ? 'app.units.form.editTitle' : 'app.units.form.createTitle')}
      onSubmit={handleSubmit}
      saving={create.isPending || update.isPending}
    >
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
        <TextInput label={t('app.units.form.brand')} withAsterisk data-autofocus {...form.getInputProps('brand')} />
        <TextInput label={t('app.units.form.model')} withAsterisk {...form.getInputProps('model')} />
      </SimpleGrid>
      <TextInput
        label={t('app.units.form.serial')}
        withAsterisk
        autoComplete="off"
        spellCheck={false}
        {...form.getInputProps('serial')}
      />
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
        <TextInput label={t('app.units.form.purchaseDate')} withAsterisk {...dateProps('purchaseDate')} />
        <TextInput
          label={t('app.units.form.acceptanceDate')}
          description={t('app.units.form.acceptanceHint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          {...dateProps('acceptanceDate')}
        />
      </SimpleGrid>
      <Group align="flex-start">
        <NumberInput
          w={180}
          label={t('app.units.form.warrantyMonths')}
          withAsterisk
          min={1}
          max={120}
          allowDecimal={false}
          allowNegative={false}
          rightSectionWidth={48}
          rightSection={
            <Text size="sm" c="dimmed">
              {t('app.units.form.monthsSuffix')}
            </Text>
          }
          {...form.getInputProps('warrantyMonths')}
        />
      </Group>
    </FormModal>
  );
}

/** Add a unit to a customer, or correct one: the form is mounted fresh each time it opens. */
export function UnitFormModal({
  customerId,
  unit = null,
  opened,
  onClose,
  onSaved,
}: {
  customerId: number;
  unit?: Unit | null;
  opened: boolean;
  onClose: () => void;
  onSaved: (u: Unit) => void;
}) {
  return opened ? <UnitForm customerId={customerId} unit={unit} onClose={onClose} onSaved={onSaved} /> : null;
}
