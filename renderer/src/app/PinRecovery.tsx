import { Alert, Button, Group, PasswordInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { pin as pinSchema, recoveryCode as codeSchema, type SessionInfo } from '../../../shared/schemas/security';
import { call, useApiQuery } from '../api/client';
import { errorText } from '../lib/errorText';

/**
 * Every open Mantine modal closes on Esc (each listens on the window), so Esc here would also
 * close the dialog that asked for the PIN. Marked elements are skipped by those listeners; the
 * prompt handles its own Esc.
 */
export const OWN_ESCAPE = { 'data-mantine-stop-propagation': 'true' } as const;

const digitsOnly = (value: string) => value.replace(/\D/g, '').slice(0, 8);

/**
 * "Forgot the PIN?" inside the PIN prompt: the recovery code clears the PIN, then a new PIN is
 * set at once (with its own new code, shown once). When the PIN has no code, the last resort is
 * named, and only here.
 */
export function ForgotPin({ onBack, onCancel, onDone }: { onBack: () => void; onCancel: () => void; onDone: (info: SessionInfo, recoveryCode: string | null) => void }) {
  const { t } = useTranslation();
  const session = useApiQuery('session:get', {}, { staleTime: 0 });
  const [step, setStep] = useState<'code' | 'new'>('code');
  const [code, setCode] = useState('');
  const [next, setNext] = useState({ pin: '', again: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const recover = async () => {
    if (!codeSchema.safeParse(code).success) {
      setError(t('validation.recoveryCodeFormat'));
      return;
    }
    setBusy(true);
    try {
      await call('session:recover', { code });
      setError(null);
      setStep('new');
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  const setNewPin = async () => {
    if (!pinSchema.safeParse(next.pin).success) return setError(t('security.errors.pinFormat'));
    if (next.pin !== next.again) return setError(t('security.panel.mismatch'));
    setBusy(true);
    try {
      const { recoveryCode, ...info } = await call('session:setPin', { current: null, next: next.pin });
      setError(null);
      onDone(info, recoveryCode);
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    void (step === 'code' ? recover() : setNewPin());
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    if (step === 'code') onBack();
  };

  const noCode = session.data && session.data.pinSet && !session.data.recoveryCodeSet;
  return (
    <form noValidate onSubmit={onSubmit} onKeyDown={onKeyDown} data-testid="forgot-pin">
      <Stack gap="sm">
        {step === 'code' && noCode && (
          <Alert color="yellow" variant="light">
            <Text size="sm">{t('security.recovery.noCode')}</Text>
          </Alert>
        )}
        {step === 'code' && !noCode && (
          <>
            <Text size="sm">{t('security.recovery.forgotHint')}</Text>
            <TextInput
              label={t('security.recovery.codeLabel')}
              placeholder="XXXX-XXXX-XXXX-XXXX"
              autoComplete="off"
              spellCheck={false}
              maxLength={40}
              data-autofocus
              autoFocus
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: 1, textTransform: 'uppercase' } }}
              value={code}
              onChange={(event) => {
                setCode(event.currentTarget.value);
                if (error) setError(null);
              }}
              {...OWN_ESCAPE}
            />
          </>
        )}
        {step === 'new' && (
          <>
            <Alert color="green" variant="light">
              <Text size="sm">{t('security.recovery.cleared')}</Text>
            </Alert>
            <SimpleGrid cols={2} spacing="sm">
              <PasswordInput
                label={t('security.panel.nextPin')}
                inputMode="numeric"
                autoComplete="new-password"
                maxLength={8}
                autoFocus
                data-autofocus
                value={next.pin}
                onChange={(event) => setNext({ ...next, pin: digitsOnly(event.currentTarget.value) })}
                {...OWN_ESCAPE}
              />
              <PasswordInput
                label={t('security.panel.confirmPin')}
                inputMode="numeric"
                autoComplete="new-password"
                maxLength={8}
                value={next.again}
                onChange={(event) => setNext({ ...next, again: digitsOnly(event.currentTarget.value) })}
                {...OWN_ESCAPE}
              />
            </SimpleGrid>
          </>
        )}
        {error && (
          <Alert color="red" variant="light" role="alert" py={8}>
            <Text size="sm">{error}</Text>
          </Alert>
        )}
        {step === 'code' && (
          <Text size="xs" c="dimmed" data-testid="last-resort">
            {t('security.recovery.lastResort')}
          </Text>
        )}
        <Group justify="flex-end" gap="xs">
          {step === 'code' ? (
            <Button variant="default" onClick={onBack} {...OWN_ESCAPE}>
              {t('security.recovery.back')}
            </Button>
          ) : (
            <Button variant="default" onClick={onCancel} {...OWN_ESCAPE}>
              {t('app.common.cancel')}
            </Button>
          )}
          {!(step === 'code' && noCode) && (
            <Button type="submit" loading={busy} {...OWN_ESCAPE}>
              {t(step === 'code' ? 'security.recovery.recoverButton' : 'security.recovery.setNew')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
