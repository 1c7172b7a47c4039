import { Button, Group, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useState, type FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseYuan, yuanText } from '../../../../shared/domain/yuan';
import { unitCreateInput, type Unit } from '../../../../shared/schemas/unit';
import { MoneyInput } from '../../ui/MoneyInput';
import { useApiMutation, useApiQuery } from '../../api/client';
import { tidyDate } from '../../lib/dates';
import { Field } from '../../ui/Field';
import { FormModal } from '../../ui/FormModal';
import { schemaValidator, showServerFieldErrors } from '../../lib/formValidation';
import { notifyDone, notifyError } from '../../lib/notify';
import { ModelFormModal, policySummary } from '../products';

const DATES = ['purchaseDate', 'installDate', 'acceptanceDate', 'productionDate'] as const;
type DateField = (typeof DATES)[number];
/** Which policy basis each date is the start of. */
const BASIS_OF: Partial<Record<DateField, string>> = { purchaseDate: 'purchase', installDate: 'install', acceptanceDate: 'acceptance' };

interface Values {
  modelId: string | null;
  serial: string;
  purchaseDate: string;
  installDate: string;
  acceptanceDate: string;
  productionDate: string;
  invoiceNumber: string;
  siteAddress: string;
  locationNote: string;
  /** Yuan as typed; stored in fen. */
  salePriceFen: string;
  soldBy: string;
}
const FIELDS = ['modelId', 'serial', ...DATES, 'invoiceNumber', 'siteAddress', 'locationNote', 'salePriceFen', 'soldBy'] as const;

function initialValues(unit: Unit | null): Values {
  return {
    modelId: unit ? String(unit.modelId) : null,
    serial: unit?.serial ?? '',
    purchaseDate: unit?.purchaseDate ?? '',
    installDate: unit?.installDate ?? '',
    acceptanceDate: unit?.acceptanceDate ?? '',
    productionDate: unit?.productionDate ?? '',
    invoiceNumber: unit?.invoiceNumber ?? '',
    siteAddress: unit?.siteAddress ?? '',
    locationNote: unit?.locationNote ?? '',
    salePriceFen: unit && unit.salePriceFen !== null ? yuanText(unit.salePriceFen) : '',
    soldBy: unit?.soldBy ?? '',
  };
}

function toInput(values: Values, customerId: number) {
  return {
    customerId,
    modelId: values.modelId ? Number(values.modelId) : (undefined as unknown as number),
    serial: values.serial.trim(),
    purchaseDate: tidyDate(values.purchaseDate),
    installDate: tidyDate(values.installDate),
    acceptanceDate: tidyDate(values.acceptanceDate),
    productionDate: tidyDate(values.productionDate),
    invoiceNumber: values.invoiceNumber,
    siteAddress: values.siteAddress,
    locationNote: values.locationNote,
    // Blank is "not given"; a typing slip goes through as -1, so the schema says what is wrong under the field.
    salePriceFen: values.salePriceFen.trim() === '' ? null : (() => { const p = parseYuan(values.salePriceFen); return p.ok ? p.fen : -1; })(),
    soldBy: values.soldBy,
  };
}

function UnitForm({
  customer,
  unit,
  onClose,
  onSaved,
}: {
  customer: { id: number; name: string };
  unit: Unit | null;
  onClose: () => void;
  onSaved: (u: Unit) => void;
}) {
  const { t } = useTranslation();
  const models = useApiQuery('models:list', { query: '' });
  const policies = useApiQuery('policies:list', {});
  const create = useApiMutation('units:create');
  const update = useApiMutation('units:update');
  const [newModel, setNewModel] = useState(false);
  const form = useForm<Values>({
    initialValues: initialValues(unit),
    validate: schemaValidator<Values>(unitCreateInput, t, (v) => toInput(v, customer.id)),
  });

  const handleSubmit = form.onSubmit((values) => {
    const input = toInput(values, customer.id);
    const onError = (err: unknown) => {
      if (!showServerFieldErrors(form, FIELDS, t, err)) notifyError(t, err);
    };
    const done = (saved: Unit) => {
      notifyDone(t(unit ? 'app.units.updated' : 'app.units.created', { model: saved.model, serial: saved.serial }));
      onSaved(saved);
    };
    if (unit) update.mutate({ id: unit.id, ...input }, { onSuccess: done, onError });
    else create.mutate(input, { onSuccess: done, onError });
  });

  // The terms the unit gets: its own version if the model is unchanged, else the model's policy today.
  const model = models.data?.find((m) => String(m.id) === form.values.modelId);
  const sameModel = unit && model && model.id === unit.modelId;
  const current = model ? policies.data?.find((p) => p.id === model.policyId) : undefined;
  const terms = sameModel
    ? { name: unit.policy.name, basis: unit.policy.basis, components: unit.policy.components }
    : current && { name: current.name, basis: current.current.basis, components: current.current.components };

  const dateProps = (field: DateField) => {
    const props = form.getInputProps(field);
    const isStart = terms && BASIS_OF[field] === terms.basis;
    return {
      ...props,
      label: t(`app.units.form.${field}`),
      placeholder: t('app.common.dateExample'),
      description: isStart ? t('app.units.form.startDate') : undefined,
      inputWrapperOrder: ['label', 'input', 'description', 'error'] as ('label' | 'input' | 'description' | 'error')[],
      styles: isStart ? { description: { color: 'var(--mantine-color-blue-7)' } } : undefined,
      inputMode: 'numeric' as const,
      maxLength: 10,
      onBlur: (event: FocusEvent<HTMLInputElement>) => {
        form.setFieldValue(field, tidyDate(event.currentTarget.value));
        (props.onBlur as ((e: FocusEvent<HTMLInputElement>) => void) | undefined)?.(event);
      },
    };
  };

  return (
    <>
      <FormModal
        opened
        onClose={onClose}
        size={720}
        title={t(unit ? 'app.units.form.editTitle' : 'app.units.form.createTitle')}
        onSubmit={handleSubmit}
        saving={create.isPending || update.isPending}
      >
        <Field label={t('app.units.form.customer')}>{customer.name}</Field>
        <div>
          <Group align="flex-start" gap="xs" wrap="nowrap">
            <Select
              style={{ flex: 1 }}
              label={t('app.units.form.model')}
              placeholder={t('app.units.form.modelPlaceholder')}
              withAsterisk
              searchable
              data-autofocus
              data={(models.data ?? []).map((m) => ({
                value: String(m.id),
                label: t('app.units.form.modelOption', { brand: m.brand, model: m.model, category: m.category }),
              }))}
              nothingFoundMessage={t('app.units.form.noModels')}
              limit={50}
              {...form.getInputProps('modelId')}
            />
            <Button variant="default" leftSection={<IconPlus size={14} />} onClick={() => setNewModel(true)} mt={25}>
              {t('app.units.form.newModel')}
            </Button>
          </Group>
          {terms && (
            <Text size="xs" c="dimmed" mt={4} data-testid="unit-form-policy">
              {t('app.units.form.policyInfo', {
                name: terms.name,
                summary: policySummary(t, terms.components),
                basis: t(`warrantyBasis.${terms.basis}`),
              })}
            </Text>
          )}
        </div>
        <TextInput
          label={t('app.units.form.serial')}
          withAsterisk
          autoComplete="off"
          spellCheck={false}
          ff="monospace"
          {...form.getInputProps('serial')}
        />
        <SimpleGrid cols={4} spacing="sm" verticalSpacing="sm">
          {DATES.map((field) => (
            <TextInput key={field} {...dateProps(field)} />
          ))}
        </SimpleGrid>
        <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
          <TextInput
            label={t('app.units.form.invoiceNumber')}
            description={t('app.units.form.invoiceHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            autoComplete="off"
            {...form.getInputProps('invoiceNumber')}
          />
          <TextInput
            label={t('app.units.form.locationNote')}
            placeholder={t('app.units.form.locationNotePlaceholder')}
            {...form.getInputProps('locationNote')}
          />
          {/* For the maker's monthly sales statistics. */}
          <MoneyInput label={t('makerReturns.unit.salePrice')} autoComplete="off" data-testid="unit-sale-price" {...form.getInputProps('salePriceFen')} />
          <TextInput label={t('makerReturns.unit.soldBy')} autoComplete="off" {...form.getInputProps('soldBy')} />
        </SimpleGrid>
        <TextInput
          label={t('app.units.form.siteAddress')}
          description={t('app.units.form.siteAddressHint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          {...form.getInputProps('siteAddress')}
        />
      </FormModal>
      {/* Outside the form: React events bubble through portals, and the model's save must not save the unit. */}
      <ModelFormModal
        opened={newModel}
        onClose={() => setNewModel(false)}
        onSaved={(m) => {
          setNewModel(false);
          form.setFieldValue('modelId', String(m.id));
        }}
      />
    </>
  );
}

/** Add a unit to a customer, or correct one: the form is mounted fresh each time it opens. */
export function UnitFormModal({
  customer,
  unit = null,
  opened,
  onClose,
  onSaved,
}: {
  customer: { id: number; name: string };
  unit?: Unit | null;
  opened: boolean;
  onClose: () => void;
  onSaved: (u: Unit) => void;
}) {
  return opened ? <UnitForm customer={customer} unit={unit} onClose={onClose} onSaved={onSaved} /> : null;
}
