import { NumberInput, Select, SimpleGrid, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { partCreateInput, type Part } from '../../../../shared/schemas/resources';
import { useApiMutation, useApiQuery } from '../../api/client';
import { FormModal } from '../../ui/FormModal';
import { MoneyInput } from '../../ui/MoneyInput';
import { schemaValidator, showServerFieldErrors } from '../../lib/formValidation';
import { moneyErrors, typedFen } from '../../lib/money';
import { notifyDone, notifyError } from '../../lib/notify';
import { yuanText } from '../../../../shared/domain/yuan';

interface Values {
  partNumber: string;
  name: string;
  fits: string;
  cost: string;
  price: string;
  reorderLevel: number | string;
  location: string;
  componentKey: string;
  quantity: number | string;
  active: boolean;
}
/** Form field ← schema path, where they differ (money is typed in yuan). */
const RENAMED: Record<string, string> = { costFen: 'cost', priceFen: 'price' };
const FIELDS = ['partNumber', 'name', 'fits', 'cost', 'price', 'reorderLevel', 'location', 'componentKey', 'quantity', 'active'] as const;

const whole = (v: number | string) => (v === '' ? 0 : Number(v));

function toInput(values: Values) {
  return {
    partNumber: values.partNumber,
    name: values.name,
    fits: values.fits,
    costFen: typedFen(values.cost),
    priceFen: typedFen(values.price),
    reorderLevel: whole(values.reorderLevel),
    location: values.location,
    componentKey: values.componentKey,
    quantity: whole(values.quantity),
    active: values.active,
  };
}

function validate(t: TFunction) {
  const schema = schemaValidator<Values>(partCreateInput, t, toInput);
  return (values: Values) => {
    const errors: Record<string, string> = {};
    for (const [path, text] of Object.entries(schema(values))) errors[RENAMED[path] ?? path] = text;
    return { ...errors, ...moneyErrors(t, { cost: values.cost, price: values.price }) };
  };
}

function PartForm({ part, onClose }: { part: Part | null; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useApiMutation('parts:create');
  const update = useApiMutation('parts:update');
  const policies = useApiQuery('policies:list', {});
  // The clerk picks a component by its name; the code behind it is the app's business.
  const componentOptions = useMemo(() => {
    const names = new Map<string, Set<string>>();
    for (const policy of policies.data ?? []) {
      for (const c of policy.current.components) names.set(c.key, (names.get(c.key) ?? new Set()).add(c.name));
    }
    return [...names.entries()].map(([key, named]) => ({ value: key, label: [...named].join(' / ') })).sort((a, b) => a.label.localeCompare(b.label));
  }, [policies.data]);
  const form = useForm<Values>({
    initialValues: {
      partNumber: part?.partNumber ?? '',
      name: part?.name ?? '',
      fits: part?.fits ?? '',
      cost: part ? yuanText(part.costFen) : '',
      price: part ? yuanText(part.priceFen) : '',
      reorderLevel: part?.reorderLevel ?? 0,
      location: part?.location ?? '',
      componentKey: part?.componentKey ?? '',
      quantity: 0,
      active: part?.active ?? true,
    },
    validate: validate(t),
  });

  const handleSubmit = form.onSubmit((values) => {
    const input = toInput(values);
    const onError = (err: unknown) => {
      const fields = (path: string) => (FIELDS as readonly string[]).includes(RENAMED[path] ?? path);
      if (!showServerFieldErrors({ setErrors: (e) => form.setErrors(Object.fromEntries(Object.entries(e).map(([k, v]) => [RENAMED[k] ?? k, v]))) }, fields, t, err)) {
        notifyError(t, err);
      }
    };
    const done = (saved: Part) => {
      notifyDone(t(part ? 'stock.parts.updated' : 'stock.parts.created', { partNumber: saved.partNumber, name: saved.name }));
      onClose();
    };
    if (part) {
      const { quantity: _opening, ...fields } = input;
      update.mutate({ id: part.id, ...fields }, { onSuccess: done, onError });
    } else {
      create.mutate(input, { onSuccess: done, onError });
    }
  });

  return (
    <FormModal
      opened
      onClose={onClose}
      size={600}
      title={t(part ? 'stock.parts.form.editTitle' : 'stock.parts.form.createTitle')}
      onSubmit={handleSubmit}
      saving={create.isPending || update.isPending}
    >
      <SimpleGrid cols={2} spacing="sm">
        <TextInput label={t('stock.parts.form.partNumber')} withAsterisk spellCheck={false} data-autofocus {...form.getInputProps('partNumber')} />
        <TextInput label={t('stock.parts.form.name')} withAsterisk {...form.getInputProps('name')} />
      </SimpleGrid>
      <TextInput label={t('stock.parts.form.fits')} placeholder={t('stock.parts.form.fitsPlaceholder')} {...form.getInputProps('fits')} />
      <SimpleGrid cols={3} spacing="sm">
        <MoneyInput label={t('stock.parts.form.cost')} withAsterisk placeholder="0.00" {...form.getInputProps('cost')} />
        <MoneyInput label={t('stock.parts.form.price')} withAsterisk placeholder="0.00" {...form.getInputProps('price')} />
        <NumberInput
          label={t('stock.parts.form.reorderLevel')}
          title={t('stock.parts.form.reorderHint')}
          min={0}
          allowDecimal={false}
          allowNegative={false}
          {...form.getInputProps('reorderLevel')}
        />
      </SimpleGrid>
      <SimpleGrid cols={2} spacing="sm">
        <TextInput label={t('stock.parts.form.location')} placeholder={t('stock.parts.form.locationPlaceholder')} {...form.getInputProps('location')} />
        <Select
          label={t('stock.parts.form.componentKey')}
          placeholder={t('stock.parts.form.componentNone')}
          searchable
          clearable
          data={componentOptions}
          {...form.getInputProps('componentKey')}
          value={form.values.componentKey || null}
          onChange={(value) => form.setFieldValue('componentKey', value ?? '')}
        />
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt={-6}>
        {t('stock.parts.form.componentKeyHint')}
      </Text>
      {part ? (
        <Text size="xs" c="dimmed">
          {t('stock.parts.form.stockHint')}
        </Text>
      ) : (
        <NumberInput
          w={180}
          label={t('stock.parts.form.quantity')}
          description={t('stock.parts.form.quantityHint')}
          min={0}
          allowDecimal={false}
          allowNegative={false}
          {...form.getInputProps('quantity')}
        />
      )}
      <Switch label={t('stock.parts.form.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
    </FormModal>
  );
}

/** New part, or edit one: the form is mounted fresh each time it opens. */
export function PartFormModal({ opened, part, onClose }: { opened: boolean; part: Part | null; onClose: () => void }) {
  return opened ? <PartForm part={part} onClose={onClose} /> : null;
}
