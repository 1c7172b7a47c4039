import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/client';
import { QueryState } from '../../ui/QueryState';
import { InstallationFormModal } from './InstallationFormModal';
import { InstallationsTable } from './InstallationsPage';

/**
 * A customer's installation jobs on their page: the clerk asked "when was ours installed, who
 * signed for it" finds it where the customer's units and contracts are, and books a new one
 * with the customer already chosen.
 */
export function CustomerInstallations({ customerId, disabled = false }: { customerId: number; disabled?: boolean }) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const list = useApiQuery('installations:list', { customerId, status: 'all', limit: 50 });
  const rows = list.data ?? [];
  return (
    <Stack gap="xs" data-testid="customer-installations">
      <Group justify="space-between">
        <Title order={3} fz="md" fw={600}>
          {t('installations.customer.title')}
        </Title>
        <Button size="xs" variant="default" leftSection={<IconPlus size={14} />} disabled={disabled} onClick={() => setCreating(true)}>
          {t('installations.list.new')}
        </Button>
      </Group>
      <QueryState isPending={list.isPending} error={list.error} />
      {list.isSuccess && rows.length === 0 && (
        <Paper withBorder px="sm" py={8}>
          <Text size="sm" c="dimmed">
            {t('installations.customer.empty')}
          </Text>
        </Paper>
      )}
      {rows.length > 0 && <InstallationsTable rows={rows} withCustomer={false} />}
      {creating && <InstallationFormModal customerId={customerId} onClose={() => setCreating(false)} />}
    </Stack>
  );
}
