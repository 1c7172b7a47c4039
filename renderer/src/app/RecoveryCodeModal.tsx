import { Alert, Button, Checkbox, Code, Group, Modal, Stack, Text } from '@mantine/core';
import { IconDeviceFloppy, IconKey, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRecoveryCode } from '../../../shared/schemas/security';
import { useApiMutation } from '../api/client';
import { notifyDone, notifyError } from '../lib/notify';
import { currentLanguage } from './i18n';

/**
 * The recovery code, shown this once (the desk keeps only its hash). It cannot be dismissed by a
 * stray Esc or click: Done waits until it was printed, saved, or the clerk says it is written down.
 */
export function RecoveryCodeModal({ code, onDone }: { code: string; onDone: () => void }) {
  const { t } = useTranslation();
  const keep = useApiMutation('session:keepRecoveryCode');
  const [kept, setKept] = useState(false);

  const run = (how: 'save' | 'print') =>
    keep.mutate(
      { code, how, language: currentLanguage() },
      {
        onSuccess: (done) => {
          if (!done) return;
          setKept(true);
          if (done.how === 'save') notifyDone(t('security.recovery.saved', { file: done.file }));
          else notifyDone(done.printer ? t('security.recovery.printed', { printer: done.printer }) : t('security.recovery.printedDefault'));
        },
        onError: (err) => notifyError(t, err),
      },
    );

  return (
    <Modal
      opened
      onClose={() => undefined}
      withCloseButton={false}
      closeOnEscape={false}
      closeOnClickOutside={false}
      size={560}
      // Above the PIN prompt it may follow.
      zIndex={500}
      title={
        <Group gap={8}>
          <IconKey size={18} stroke={1.8} />
          {t('security.recovery.shownTitle')}
        </Group>
      }
      styles={{ title: { fontWeight: 600 } }}
      data-testid="recovery-code"
    >
      <Stack gap="md">
        <Text size="sm">{t('security.recovery.shownIntro')}</Text>
        <Alert color="blue" variant="light" p="md">
          <Code fz={26} fw={700} bg="transparent" style={{ letterSpacing: 2, display: 'block', textAlign: 'center' }} data-testid="recovery-code-value">
            {formatRecoveryCode(code)}
          </Code>
        </Alert>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconPrinter size={16} />} loading={keep.isPending && keep.variables.how === 'print'} onClick={() => run('print')}>
            {t('security.recovery.print')}
          </Button>
          <Button variant="default" leftSection={<IconDeviceFloppy size={16} />} loading={keep.isPending && keep.variables.how === 'save'} onClick={() => run('save')}>
            {t('security.recovery.save')}
          </Button>
        </Group>
        <Checkbox label={t('security.recovery.keptCheck')} checked={kept} onChange={(event) => setKept(event.currentTarget.checked)} />
        <Group justify="flex-end">
          <Button disabled={!kept} onClick={onDone} data-autofocus>
            {t('security.recovery.done')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
