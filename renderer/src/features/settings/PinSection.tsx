import { Alert, Button, Divider, Group, Paper, PasswordInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pin } from '../../../../shared/schemas/security';
import { useApiMutation } from '../../api/client';
import { RecoveryCodeModal } from '../../app/RecoveryCodeModal';
import { SESSION_KEY } from '../../app/SessionGate';
import { showServerFieldErrors } from '../../lib/formValidation';
import { notifyDone, notifyError } from '../../lib/notify';

/*
 * Settings → the admin PIN: set, change or remove it, and its recovery code. The first-start
 * setup sets the first PIN with the same form.
 */

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

export function PinSection({ pinSet, recoveryCodeSet }: { pinSet: boolean; recoveryCodeSet: boolean }) {
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
