import { Group, NumberInput, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { stockAdjustInput, stockReceiveInput, type Part } from '../../../../shared/schemas/resources';
import { useApiMutation } from '../../api/client';
import { FormModal } from '../../ui/FormModal';
import { schemaValidator, showServerFieldErrors } from '../../lib/formValidation';
import { notifyDone, notifyError } from '../../lib/notify';

const count = (v: number | string) => (v === '' ? Number.NaN : Number(v));

function StockLine({ current, after }: { current: string; after: string | null }) {
  return (
    <Group gap="lg">
      <Text size="sm">{current}</Text>
      {after && (
        <Text size="sm" fw={600} data-testid="stock-after">
          {after}
        </Text>
      )}
    </Group>
  );
}

function ReceiveForm({ part, onClose }: { part: Part; onClose: () => void }) {
  const { t } = useTranslation();
  const receive = useApiMutation('parts:receive');
  const form = useForm<{ quantity: number | string; note: string }>({
    initialValues: { quantity: '', note: '' },
    validate: schemaValidator(stockReceiveInput, t, (v: { quantity: number | string; note: string }) => ({ partId: part.id, quantity: count(v.quantity), note: v.note })),
  });
  const quantity = count(form.values.quantity);
  const handleSubmit = form.onSubmit((values) => {
    receive.mutate(
      { partId: part.id, quantity: count(values.quantity), note: values.note },
      {
        onSuccess: (saved) => {
          notifyDone(t('stock.receive.done', { name: saved.name, quantity: count(values.quantity), stock: saved.quantity }));
          onClose();
        },
        onError: (err) => {
          if (!showServerFieldErrors(form, ['quantity', 'note'], t, err)) notifyError(t, err);
        },
      },
    );
  });
  return (
    <FormModal opened onClose={onClose} size={440} title={t('stock.receive.title', { partNumber: part.partNumber, name: part.name })} onSubmit={handleSubmit} saving={receive.isPending}>
      <StockLine
        current={t('stock.receive.current', { stock: part.quantity })}
        after={Number.isInteger(quantity) && quantity > 0 ? t('stock.receive.after', { stock: part.quantity + quantity }) : null}
      />
      <NumberInput label={t('stock.receive.quantity')} withAsterisk min={1} allowDecimal={false} allowNegative={false} data-autofocus {...form.getInputProps('quantity')} />
      <TextInput label={t('stock.receive.note')} placeholder={t('stock.receive.notePlaceholder')} {...form.getInputProps('note')} />
    </FormModal>
  );
}

function AdjustForm({ part, onClose }: { part: Part; onClose: () => void }) {
  const { t } = useTranslation();
  const adjust = useApiMutation('parts:adjust');
  type Values = { delta: number | string; note: string };
  const schema = schemaValidator(stockAdjustInput, t, (v: Values) => ({ partId: part.id, delta: count(v.delta), note: v.note }));
  const form = useForm<Values>({
    initialValues: { delta: '', note: '' },
    // Refused here already, with the same words the backend would use; the backend checks again.
    validate: (values) => {
      const errors = schema(values);
      const delta = count(values.delta);
      if (!errors.delta && part.quantity + delta < 0) errors.delta = t('stock.adjust.belowZero');
      return errors;
    },
  });
  const delta = count(form.values.delta);
  const after = Number.isInteger(delta) && delta !== 0 ? part.quantity + delta : null;
  const handleSubmit = form.onSubmit((values) => {
    adjust.mutate(
      { partId: part.id, delta: count(values.delta), note: values.note },
      {
        onSuccess: (saved) => {
          notifyDone(t('stock.adjust.done', { name: saved.name, delta: count(values.delta), stock: saved.quantity }));
          onClose();
        },
        onError: (err) => {
          if (!showServerFieldErrors(form, ['delta', 'note'], t, err)) notifyError(t, err);
        },
      },
    );
  });
  return (
    <FormModal opened onClose={onClose} size={440} title={t('stock.adjust.title', { partNumber: part.partNumber, name: part.name })} onSubmit={handleSubmit} saving={adjust.isPending}>
      <StockLine current={t('stock.adjust.current', { stock: part.quantity })} after={after === null ? null : t('stock.adjust.after', { stock: after })} />
      <NumberInput
        label={t('stock.adjust.delta')}
        description={t('stock.adjust.deltaHint')}
        withAsterisk
        allowDecimal={false}
        data-autofocus
        {...form.getInputProps('delta')}
      />
      <TextInput label={t('stock.adjust.note')} placeholder={t('stock.adjust.notePlaceholder')} withAsterisk {...form.getInputProps('note')} />
    </FormModal>
  );
}

export type StockDialog = { kind: 'receive' | 'adjust'; part: Part } | null;

export function StockDialogs({ dialog, onClose }: { dialog: StockDialog; onClose: () => void }) {
  if (!dialog) return null;
  return dialog.kind === 'receive' ? <ReceiveForm key={dialog.part.id} part={dialog.part} onClose={onClose} /> : <AdjustForm key={dialog.part.id} part={dialog.part} onClose={onClose} />;
}
