import { Badge, Button, Group, List, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { TFunction } from 'i18next';
import { useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/format';
import { operatorName, type Operator } from '../../../../shared/schemas/security';
import { useApiMutation, useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { navigate } from '../../app/router';
import { useSession } from '../../app/SessionGate';
import { FormModal } from '../../ui/FormModal';
import { showServerFieldErrors } from '../../lib/formValidation';
import { notifyDone, notifyError } from '../../lib/notify';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { PinSection } from './PinSection';

/**
 * "Open Settings at this tab" from elsewhere (the header menu, a banner): a request the settings
 * page reads; the counter lets the same request land twice (the clerk may have clicked another
 * tab since).
 */
let tabRequest = { tab: 'general', n: 0 };
const tabListeners = new Set<() => void>();

export function openSettingsTab(tab: string): void {
  tabRequest = { tab, n: tabRequest.n + 1 };
  tabListeners.forEach((listener) => listener());
  navigate({ section: 'settings' });
}

export const openSecuritySettings = () => openSettingsTab('security');

export function useSettingsTabRequest(): { tab: string; n: number } {
  return useSyncExternalStore(
    (listener) => {
      tabListeners.add(listener);
      return () => tabListeners.delete(listener);
    },
    () => tabRequest,
  );
}

/** What the PIN guards, in the words of the desk (the contract's `admin` flags are what the backend enforces). */
const GUARDS = ['customers', 'backups', 'prices', 'policies', 'service', 'settings', 'export', 'diagnostics', 'operators'] as const;

function RenameModal({ operator, onClose }: { operator: Operator; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useApiMutation('operators:update');
  const form = useForm({
    initialValues: { name: operator.name },
    validate: { name: (v) => (operatorName.safeParse(v).success ? null : t('validation.required')) },
  });
  const submit = form.onSubmit(({ name }) =>
    save.mutate(
      { id: operator.id, name: name.trim() },
      {
        onSuccess: (saved) => {
          notifyDone(t('security.panel.renamed', { name: saved.name }));
          onClose();
        },
        onError: (err) => {
          if (!showServerFieldErrors(form, ['name'], t, err)) notifyError(t, err);
        },
      },
    ),
  );
  return (
    <FormModal opened onClose={onClose} title={t('security.panel.renameTitle', { name: operator.name })} onSubmit={submit} saving={save.isPending} size={420}>
      <TextInput label={t('security.panel.newName')} maxLength={30} data-autofocus {...form.getInputProps('name')} />
    </FormModal>
  );
}

function statusBadge(t: TFunction, operator: Operator, onDuty: boolean) {
  if (onDuty) return <Badge variant="light" color="blue">{t('security.panel.onDuty')}</Badge>;
  return operator.active ? <Badge variant="light" color="green">{t('security.panel.active')}</Badge> : <Badge variant="light" color="gray">{t('security.panel.inactive')}</Badge>;
}

/** Everyone who has taken the desk; renaming and retiring ask for the PIN by themselves (the client prompts). */
function OperatorsSection({ current }: { current: string | null }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const list = useApiQuery('operators:list', {}, { staleTime: 0 });
  const update = useApiMutation('operators:update');
  const [renaming, setRenaming] = useState<Operator | null>(null);

  const toggle = (operator: Operator) =>
    update.mutate(
      { id: operator.id, active: !operator.active },
      {
        onSuccess: (saved) => notifyDone(t(saved.active ? 'security.panel.enabled' : 'security.panel.retired', { name: saved.name })),
        onError: (err) => notifyError(t, err),
      },
    );

  return (
    <Section title={t('security.panel.operatorsTitle')} hint={t('security.panel.operatorsHint')}>
      <QueryState isPending={list.isPending} error={list.error} />
      {list.data && list.data.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('security.panel.operatorsEmpty')}
        </Text>
      )}
      {list.data && list.data.length > 0 && (
        <Table striped highlightOnHover verticalSpacing={6} data-testid="operators-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('security.panel.name')}</Table.Th>
              <Table.Th>{t('security.panel.lastSeen')}</Table.Th>
              <Table.Th>{t('security.panel.status')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((operator) => (
              <Table.Tr key={operator.id} c={operator.active ? undefined : 'dimmed'}>
                <Table.Td fw={500}>{operator.name}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{operator.lastSeenAt === null ? t('security.panel.never') : formatDateTime(operator.lastSeenAt, lang)}</Table.Td>
                <Table.Td>{statusBadge(t, operator, operator.name === current)}</Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button size="compact-sm" variant="subtle" onClick={() => setRenaming(operator)}>
                      {t('security.panel.rename')}
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color={operator.active ? 'red' : 'green'}
                      loading={update.isPending && update.variables.id === operator.id && update.variables.active !== undefined}
                      onClick={() => toggle(operator)}
                    >
                      {operator.active ? t('security.panel.retire') : t('security.panel.enable')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {renaming && <RenameModal operator={renaming} onClose={() => setRenaming(null)} />}
    </Section>
  );
}

/** Settings → PIN and operators: the admin PIN, what it guards, and who has been at the desk. */
export function SecurityPanel() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <Stack gap="md" maw={1000}>
      <QueryState isPending={session.isPending} error={session.error} />
      {session.data && (
        <SimpleGrid cols={2} spacing="md">
          <PinSection pinSet={session.data.pinSet} recoveryCodeSet={session.data.recoveryCodeSet} />
          <Paper withBorder p="md">
            <Title order={3} fz="md" fw={600} mb="xs">
              {t('security.panel.guardsTitle')}
            </Title>
            <List size="sm" spacing={4} data-testid="pin-guards">
              {GUARDS.map((guard) => (
                <List.Item key={guard}>{t(`security.panel.guards.${guard}`)}</List.Item>
              ))}
            </List>
          </Paper>
        </SimpleGrid>
      )}
      <OperatorsSection current={session.data?.operator ?? null} />
    </Stack>
  );
}
