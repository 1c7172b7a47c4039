import { ActionIcon, Badge, Button, EmptyState, Group, Switch, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCoin, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../../shared/format';
import { feeCreateInput, type LabourFee } from '../../../../shared/schemas/resources';
import { useApiMutation, useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { FormModal } from '../../ui/FormModal';
import { schemaValidator, showServerFieldErrors } from '../../lib/formValidation';
import { notifyDone, notifyError } from '../../lib/notify';
import { QueryState } from '../../ui/QueryState';
import { yuanText } from '../../../../shared/domain/yuan';
import { moneyError, typedFen } from './typed-money';

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
      const amount = moneyError(t, values.amount) ?? amountFen;
      return amount ? { ...errors, amount } : errors;
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
      <TextInput w={180} label={t('stock.fees.form.amount')} withAsterisk inputMode="decimal" placeholder="0.00" {...form.getInputProps('amount')} />
      <Switch label={t('stock.fees.form.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
    </FormModal>
  );
}

/** The labour fee table the tickets charge from. */
export function FeesTab() {
  const { t } = useTranslation();
  const lang = currentLanguage();
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
      {list.isSuccess && list.data.length === 0 && (
        <EmptyState size="sm" icon={<IconCoin size={24} />} withIndicatorBackground title={t('stock.fees.empty.title')} description={t('stock.fees.empty.description')} />
      )}
      {list.isSuccess && list.data.length > 0 && (
        <Table striped highlightOnHover withTableBorder maw={640} data-testid="fees-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('stock.fees.columns.name')}</Table.Th>
              <Table.Th w={130} ta="right">
                {t('stock.fees.columns.amount')}
              </Table.Th>
              <Table.Th w={110}>{t('stock.fees.columns.state')}</Table.Th>
              <Table.Th w={70}>{t('stock.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((f) => (
              <Table.Tr key={f.id} c={f.active ? undefined : 'dimmed'} onDoubleClick={() => setEditing({ item: f })}>
                <Table.Td fw={500}>{f.name}</Table.Td>
                <Table.Td ta="right">{formatMoney(f.amountFen, lang)}</Table.Td>
                <Table.Td>
                  <Badge tt="none" variant="dot" color={f.active ? 'teal' : 'gray'} size="sm">
                    {t(f.active ? 'stock.state.active' : 'stock.state.inactive')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Tooltip label={t('app.common.edit')} withArrow>
                    <ActionIcon variant="subtle" color="gray" aria-label={`${t('app.common.edit')} ${f.name}`} onClick={() => setEditing({ item: f })}>
                      <IconPencil size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && <FeeForm fee={editing.item} onClose={() => setEditing(null)} />}
    </>
  );
}
