import { Button, Group, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCoin, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../../shared/format';
import { feeCreateInput, type LabourFee } from '../../../../shared/schemas/resources';
import { useApiMutation, useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { ActiveDot } from '../../ui/ActiveDot';
import { EntityTable, type Column } from '../../ui/EntityTable';
import { FormModal } from '../../ui/FormModal';
import { MoneyInput } from '../../ui/MoneyInput';
import { schemaValidator, showServerFieldErrors } from '../../lib/formValidation';
import { moneyErrors, typedFen } from '../../lib/money';
import { notifyDone, notifyError } from '../../lib/notify';
import { QueryState } from '../../ui/QueryState';
import { yuanText } from '../../../../shared/domain/yuan';

interface Values {
  name: string;
  amount: string;
  active: boolean;
}
const toInput = (v: Values) => ({ name: v.name, amountFen: typedFen(v.amount), active: v.active });

function FeeForm({ fee, onClose }: { fee: LabourFee | null; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useApiMutation('fees:create');
  const update = useApiMutation('fees:update');
  const schema = schemaValidator<Values>(feeCreateInput, t, toInput);
  const form = useForm<Values>({
    initialValues: { name: fee?.name ?? '', amount: fee ? yuanText(fee.amountFen) : '', active: fee?.active ?? true },
    validate: (values) => {
      const { amountFen, ...errors } = schema(values);
      return { ...errors, ...(amountFen && { amount: amountFen }), ...moneyErrors(t, { amount: values.amount }) };
    },
  });
  const handleSubmit = form.onSubmit((values) => {
    const onError = (err: unknown) => {
      const target = { setErrors: (e: Record<string, string>) => form.setErrors(Object.fromEntries(Object.entries(e).map(([k, v]) => [k === 'amountFen' ? 'amount' : k, v]))) };
      if (!showServerFieldErrors(target, ['name', 'amountFen', 'active'], t, err)) notifyError(t, err);
    };
    const done = (saved: LabourFee) => {
      notifyDone(t(fee ? 'stock.fees.updated' : 'stock.fees.created', { name: saved.name }));
      onClose();
    };
    if (fee) update.mutate({ id: fee.id, ...toInput(values) }, { onSuccess: done, onError });
    else create.mutate(toInput(values), { onSuccess: done, onError });
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      size={440}
      title={t(fee ? 'stock.fees.form.editTitle' : 'stock.fees.form.createTitle')}
      onSubmit={handleSubmit}
      saving={create.isPending || update.isPending}
    >
      <TextInput label={t('stock.fees.form.name')} withAsterisk data-autofocus {...form.getInputProps('name')} />
      <MoneyInput w={180} label={t('stock.fees.form.amount')} withAsterisk placeholder="0.00" {...form.getInputProps('amount')} />
      <Switch label={t('stock.fees.form.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
    </FormModal>
  );
}

const COLUMNS: Column<LabourFee>[] = [
  { key: 'name', header: 'stock.fees.columns.name', cell: (f) => f.name, fw: 500 },
  { key: 'amount', header: 'stock.fees.columns.amount', cell: (f) => formatMoney(f.amountFen, currentLanguage()), w: 130, align: 'right' },
  { key: 'state', header: 'stock.fees.columns.state', cell: (f, t) => <ActiveDot active={f.active} label={t(f.active ? 'stock.state.active' : 'stock.state.inactive')} />, w: 110 },
];

/** The labour fee table the tickets charge from. */
export function FeesTab() {
  const { t } = useTranslation();
  const list = useApiQuery('fees:list', {});
  const [editing, setEditing] = useState<{ item: LabourFee | null } | null>(null);
  return (
    <>
      <Group justify="space-between" mb="sm">
        <Text size="sm" c="dimmed">
          {t('stock.fees.hint')}
        </Text>
        <Button size="sm" leftSection={<IconPlus size={16} />} onClick={() => setEditing({ item: null })}>
          {t('stock.fees.new')}
        </Button>
      </Group>
      <QueryState isPending={list.isPending} error={list.error} />
      {list.isSuccess && (
        <EntityTable
          testId="fees-table"
          maw={640}
          columns={COLUMNS}
          rows={list.data}
          rowKey={(f) => f.id}
          rowProps={(f) => ({ c: f.active ? undefined : 'dimmed' })}
          edit={{ open: (f) => setEditing({ item: f }), name: (f) => f.name }}
          empty={{ icon: IconCoin, title: t('stock.fees.empty.title'), description: t('stock.fees.empty.description') }}
        />
      )}
      {editing && <FeeForm fee={editing.item} onClose={() => setEditing(null)} />}
    </>
  );
}
