import { Alert, Anchor, Button, Group, Input, Modal, PinInput, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { pin as pinSchema, type SessionInfo } from '../../../shared/schemas/security';
import { call, registerPinPrompt } from '../api/client';
import { errorText } from '../lib/errorText';
import { ForgotPin, OWN_ESCAPE } from './PinRecovery';
import { RecoveryCodeModal } from './RecoveryCodeModal';

/** The PIN is 4 to 8 digits; the boxes show the longest, and Enter takes a shorter one. */
const BOXES = 8;

/**
 * Asked for by the API client when a guarded action meets a locked desk: the clerk types the
 * PIN, the desk unlocks, and the action they started goes through as if nothing had happened.
 * Esc or Cancel gives up, and the action fails with "needs the admin PIN".
 */
export function PinPrompt({ onUnlocked }: { onUnlocked: (info: SessionInfo) => void }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [forgot, setForgot] = useState(false);
  /** The new PIN's recovery code, shown after the prompt closes; the guarded action waits for it. */
  const [shownCode, setShownCode] = useState<string | null>(null);
  const resolver = useRef<((unlocked: boolean) => void) | null>(null);
  const boxes = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const unregister = registerPinPrompt(
      () =>
        new Promise<boolean>((resolve) => {
          resolver.current = resolve;
          setValue('');
          setError(null);
          setForgot(false);
          setOpened(true);
        }),
    );
    return () => {
      unregister();
      resolver.current?.(false);
      resolver.current = null;
    };
  }, []);

  const finish = (unlocked: boolean) => {
    resolver.current?.(unlocked);
    resolver.current = null;
    setOpened(false);
  };

  const retry = (text: string) => {
    setError(text);
    setValue('');
    boxes.current?.querySelector<HTMLInputElement>('input:not([type="hidden"])')?.focus();
  };

  const submit = async (typed: string) => {
    if (busy) return;
    if (!pinSchema.safeParse(typed).success) {
      retry(t('security.errors.pinFormat'));
      return;
    }
    setBusy(true);
    try {
      onUnlocked(await call('session:unlock', { pin: typed }));
      finish(true);
    } catch (err) {
      retry(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    finish(false);
  };

  /** The PIN was cleared with the recovery code and a new one set: the desk is unlocked. */
  const recovered = (info: SessionInfo, code: string | null) => {
    onUnlocked(info);
    if (code) {
      setOpened(false);
      setShownCode(code);
    } else {
      finish(true);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(value);
  };

  const pinForm = (
    <form noValidate onSubmit={onSubmit} onKeyDown={onKeyDown}>
      <Stack gap="sm">
        <Text size="sm">{t('security.prompt.hint')}</Text>
        <Input.Wrapper label={t('security.prompt.label')} description={t('security.prompt.digits')}>
          <PinInput
            mt={6}
            rootRef={boxes}
            length={BOXES}
            type="number"
            mask
            autoFocus
            oneTimeCode={false}
            placeholder=""
            ariaLabel={t('security.prompt.label')}
            value={value}
            onChange={(next) => {
              setValue(next);
              if (error) setError(null);
            }}
            onComplete={(full) => void submit(full)}
            getInputProps={(index) => (index === 0 ? { ...OWN_ESCAPE, 'data-autofocus': true } : OWN_ESCAPE)}
          />
        </Input.Wrapper>
        {error && (
          <Alert color="red" variant="light" role="alert" py={8}>
            <Text size="sm">{error}</Text>
          </Alert>
        )}
        <Group justify="space-between" gap="xs">
          <Anchor component="button" type="button" size="sm" onClick={() => setForgot(true)} {...OWN_ESCAPE} data-testid="forgot-pin-link">
            {t('security.recovery.forgotLink')}
          </Anchor>
          <Group gap="xs">
            <Button variant="default" onClick={() => finish(false)} {...OWN_ESCAPE}>
              {t('app.common.cancel')}
            </Button>
            <Button type="submit" loading={busy} {...OWN_ESCAPE}>
              {t('security.prompt.confirm')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );

  return (
    <>
      <Modal
        opened={opened}
        onClose={() => finish(false)}
        title={
          <Group gap={8}>
            <IconLock size={18} stroke={1.8} />
            {t(forgot ? 'security.recovery.forgotTitle' : 'security.prompt.title')}
          </Group>
        }
        size={500}
        // Above the dialog whose action asked for it (a delete confirmation, a form).
        zIndex={400}
        styles={{ title: { fontWeight: 600 } }}
        data-testid="pin-prompt"
      >
        {forgot ? <ForgotPin onBack={() => setForgot(false)} onCancel={() => finish(false)} onDone={recovered} /> : pinForm}
      </Modal>
      {shownCode && (
        <RecoveryCodeModal
          code={shownCode}
          onDone={() => {
            setShownCode(null);
            finish(true);
          }}
        />
      )}
    </>
  );
}
