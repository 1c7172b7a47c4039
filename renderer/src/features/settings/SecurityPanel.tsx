import { Alert, Badge, Button, Divider, Group, List, Paper, PasswordInput, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/format';
import { operatorName, pin, type Operator } from '../../../../shared/schemas/security';
import { useApiMutation, useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { navigate } from '../../app/router';
import { RecoveryCodeModal } from '../../app/RecoveryCodeModal';
import { SESSION_KEY, useSession } from '../../app/SessionGate';
import { FormModal } from '../../ui/FormModal';
import { showServerFieldErrors } from '../../lib/formValidation';
import { notifyDone, notifyError } from '../../lib/notify';
import { QueryState } from '../../ui/QueryState';

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

const pinOk = (value: string) => pin.safeParse(value).success;

interface PinValues {
  current: string;
  next: string;
  confirm: string;
}

/** Digits only, masked, never remembered by the browser. */
function PinField({ form, path, label, autoFocus, w }: { form: UseFormReturnType<PinValues>; path: keyof PinValues; label: string; autoFocus?: boolean; w?: number }) {
  const props = form.getInputProps(path);
  return (
    <PasswordInput
      w={w}
      label={label}
      inputMode="numeric"
      autoComplete="new-password"
      maxLength={8}
      autoFocus={autoFocus}
      {...props}
      onChange={(event) => form.setFieldValue(path, event.currentTarget.value.replace(/\D/g, ''))}
    />
  );
}

/** Set the first PIN (new + confirm), or change it (current + new + confirm), or remove it (current). */
export function PinForm({ mode, onCode }: { mode: 'set' | 'change' | 'remove'; onCode?: (code: string) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const save = useApiMutation('session:setPin');
  const needsNext = mode !== 'remove';
  const form = useForm<PinValues>({
    initialValues: { current: '', next: '', confirm: '' },
    validate: {
      current: (v) => (mode === 'set' || pinOk(v) ? null : t('security.errors.pinFormat')),
      next: (v) => (!needsNext || pinOk(v) ? null : t('security.errors.pinFormat')),
      confirm: (v, values) => (!needsNext || v === values.next ? null : t('security.panel.mismatch')),
    },
  });
  const done = { set: 'security.panel.setDone', change: 'security.panel.changeDone', remove: 'security.panel.removeDone' }[mode];
  const submit = form.onSubmit((values) =>
    save.mutate(
      { current: mode === 'set' ? null : values.current, next: needsNext ? values.next : null },
      {
        onSuccess: ({ recoveryCode, ...info }) => {
          client.setQueryData(SESSION_KEY, info);
          form.reset();
          notifyDone(t(done));
          if (recoveryCode) onCode?.(recoveryCode);
        },
        onError: (err) => {
          if (!showServerFieldErrors(form, ['current', 'next'], t, err)) notifyError(t, err);
        },
      },
    ),
  );
  const button = { set: 'security.panel.setButton', change: 'security.panel.changeButton', remove: 'security.panel.removeButton' }[mode];
  const action = (mt?: number) => (
    <Button mt={mt} type="submit" variant={mode === 'remove' ? 'default' : 'filled'} color={mode === 'remove' ? 'red' : undefined} loading={save.isPending}>
      {t(button)}
    </Button>
  );
  // Removing needs one field: it sits beside its button, the others on a row of their own.
  return (
    <form noValidate onSubmit={submit} data-testid={`pin-${mode}`}>
      {mode === 'remove' ? (
        <Group align="flex-start" gap="sm">
          <PinField form={form} path="current" label={t('security.panel.currentPin')} w={190} />
          {action(25)}
        </Group>
      ) : (
        <Stack gap="sm">
          <SimpleGrid cols={mode === 'set' ? 2 : 3} spacing="sm">
            {mode === 'change' && <PinField form={form} path="current" label={t('security.panel.currentPin')} />}
            <PinField form={form} path="next" label={t('security.panel.nextPin')} autoFocus={mode === 'set'} />
            <PinField form={form} path="confirm" label={t('security.panel.confirmPin')} />
          </SimpleGrid>
          <Group>{action()}</Group>
        </Stack>
      )}
    </form>
  );
}

/** Whether the PIN has a recovery code, and a new one for the current PIN (a lost sheet, or a PIN older than codes). */
function RecoveryCodeSection({ has }: { has: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const renew = useApiMutation('session:newRecoveryCode');
  const [shownCode, setShownCode] = useState<string | null>(null);
  const form = useForm<PinValues>({
    initialValues: { current: '', next: '', confirm: '' },
    validate: { current: (v) => (pinOk(v) ? null : t('security.errors.pinFormat')) },
  });
  const submit = form.onSubmit((values) =>
    renew.mutate(
      { current: values.current },
      {
        onSuccess: ({ recoveryCode, ...info }) => {
          client.setQueryData(SESSION_KEY, info);
          form.reset();
          if (recoveryCode) setShownCode(recoveryCode);
        },
        onError: (err) => {
          if (!showServerFieldErrors(form, ['current'], t, err)) notifyError(t, err);
        },
      },
    ),
  );
  return (
    <form noValidate onSubmit={submit} data-testid="recovery-code-section">
      {shownCode && <RecoveryCodeModal code={shownCode} onDone={() => setShownCode(null)} />}
      <Stack gap="xs">
        <Title order={4} fz="sm" fw={600}>
          {t('security.recovery.newCodeTitle')}
        </Title>
        {has ? (
          <Text size="xs" c="dimmed">
            {t('security.recovery.panelHas')} {t('security.recovery.newCodeHint')}
          </Text>
        ) : (
          <Alert color="yellow" variant="light" py={8} icon={<IconAlertTriangle size={16} />}>
            <Text size="sm">{t('security.recovery.panelMissing')}</Text>
          </Alert>
        )}
        <Group align="flex-start" gap="sm">
          <PinField form={form} path="current" label={t('security.panel.currentPin')} w={190} />
          <Button mt={25} type="submit" variant="default" loading={renew.isPending}>
            {t('security.recovery.newCodeButton')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function PinSection({ pinSet, recoveryCodeSet }: { pinSet: boolean; recoveryCodeSet: boolean }) {
  const { t } = useTranslation();
  // Held here: the form that set the PIN is replaced by the change form as soon as it is set.
  const [shownCode, setShownCode] = useState<string | null>(null);
  return (
    <Paper withBorder p="md">
      {shownCode && <RecoveryCodeModal code={shownCode} onDone={() => setShownCode(null)} />}
      <Title order={3} fz="md" fw={600} mb="xs">
        {t('security.panel.pinTitle')}
      </Title>
      {pinSet ? (
        <Stack gap="sm">
          <Group gap={6} wrap="nowrap" align="flex-start">
            <IconShieldCheck size={18} color="var(--mantine-color-green-7)" style={{ flexShrink: 0, marginTop: 2 }} />
            <Text size="sm">{t('security.panel.pinIsSet')}</Text>
          </Group>
          <Title order={4} fz="sm" fw={600}>
            {t('security.panel.changeTitle')}
          </Title>
          <PinForm mode="change" />
          <Divider />
          <Title order={4} fz="sm" fw={600}>
            {t('security.panel.removeTitle')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('security.panel.removeHint')}
          </Text>
          <PinForm mode="remove" />
          <Divider />
          <RecoveryCodeSection has={recoveryCodeSet} />
          <Text size="xs" c="dimmed" data-testid="forgot-pin-hint">
            {t('security.panel.forgotHint')}
          </Text>
        </Stack>
      ) : (
        <Stack gap="sm">
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="no-pin-warning">
            <Text size="sm">{t('security.panel.noPinWarning')}</Text>
          </Alert>
          <Title order={4} fz="sm" fw={600}>
            {t('security.panel.setTitle')}
          </Title>
          <PinForm mode="set" onCode={setShownCode} />
        </Stack>
      )}
    </Paper>
  );
}

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
    <Paper withBorder p="md">
      <Title order={3} fz="md" fw={600}>
        {t('security.panel.operatorsTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('security.panel.operatorsHint')}
      </Text>
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
    </Paper>
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
