import { Alert, Box, Button, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowMerge, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPhone } from '../../../../shared/format';
import type { Customer } from '../../../../shared/schemas/customer';
import { useApiMutation, useApiQuery } from '../../api/client';
import { errorText } from '../../lib/errorText';
import { notifyDone } from '../../lib/notify';

/**
 * Two records of one caller become one. The customer whose page this is survives; the one
 * picked here moves in (units, phones, addresses, contacts, tags) and is archived.
 */
function MergeForm({ customer, onClose }: { customer: Customer; onClose: () => void }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [query] = useDebouncedValue(typed.trim(), 150);
  const [picked, setPicked] = useState<Customer | null>(null);
  const candidates = useApiQuery('customers:list', { query, limit: 8 }, { enabled: query.length > 0 });
  const merge = useApiMutation('customers:merge');
  const others = (candidates.data?.items ?? []).filter((c) => c.id !== customer.id);

  const submit = () => {
    if (!picked || merge.isPending) return;
    merge.mutate(
      { keepId: customer.id, mergeId: picked.id },
      {
        onSuccess: ({ movedUnits }) => {
          notifyDone(t('app.merge.done', { count: movedUnits }));
          onClose();
        },
      },
    );
  };

  return (
    <Stack gap="sm">
      <Text size="sm">{t('app.merge.intro', { name: customer.name })}</Text>
      <TextInput
        label={t('app.merge.pick')}
        placeholder={t('app.merge.pickPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={typed}
        onChange={(e) => setTyped(e.currentTarget.value)}
        data-autofocus
      />
      {query && candidates.isSuccess && others.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('app.merge.nothingFound')}
        </Text>
      )}
      {others.length > 0 && (
        <Box mah={220} style={{ overflowY: 'auto' }}>
          <Radio.Group
            value={picked ? String(picked.id) : null}
            onChange={(v) => setPicked(others.find((c) => String(c.id) === v) ?? null)}
            aria-label={t('app.merge.pick')}
          >
            <Stack gap={6}>
              {others.map((c) => (
                <Radio
                  key={c.id}
                  value={String(c.id)}
                  label={t('app.merge.option', { name: c.name, phone: formatPhone(c.phone), count: c.unitCount })}
                  description={c.address ?? undefined}
                />
              ))}
            </Stack>
          </Radio.Group>
        </Box>
      )}
      {picked && (
        <Alert color="orange" variant="light" data-testid="merge-summary">
          <Text size="sm">{t('app.merge.summary', { other: picked.name, name: customer.name, count: picked.unitCount })}</Text>
        </Alert>
      )}
      {merge.isError && (
        <Alert color="red" variant="light" role="alert">
          <Text size="sm">{errorText(t, merge.error)}</Text>
        </Alert>
      )}
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onClose}>
          {t('app.common.cancel')}
        </Button>
        <Button color="orange" leftSection={<IconArrowMerge size={16} />} disabled={!picked} loading={merge.isPending} onClick={submit}>
          {t('app.merge.confirm', { name: customer.name })}
        </Button>
      </Group>
    </Stack>
  );
}

export function MergeCustomerDialog({ customer, opened, onClose }: { customer: Customer; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('app.merge.title')} size={560} styles={{ title: { fontWeight: 600 } }}>
      {opened && <MergeForm customer={customer} onClose={onClose} />}
    </Modal>
  );
}
