import { Button, Group, Stack, Text } from '@mantine/core';
import { IconFlask, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { errorText } from '../../lib/errorText';
import { notifyDone, notifyError } from '../../lib/notify';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';

/** Loads the sample set in the language the desk shows; the setup's last step and Settings offer it. */
export function LoadSampleButton({ variant = 'default' }: { variant?: 'default' | 'filled' | 'light' }) {
  const { t } = useTranslation();
  const load = useApiMutation('sample:load');
  return (
    <Button
      variant={variant}
      leftSection={<IconFlask size={16} />}
      loading={load.isPending}
      data-testid="sample-load"
      onClick={() =>
        load.mutate(
          { language: currentLanguage() },
          { onSuccess: (status) => notifyDone(t('sample.loadedNote', { ...status.counts })), onError: (err) => notifyError(t, err) },
        )
      }
    >
      {t('sample.load')}
    </Button>
  );
}

/** Settings → Sample data: what is there, and the one step that takes it all away. */
export function SamplePanel() {
  const { t } = useTranslation();
  const status = useApiQuery('sample:status', {});
  const remove = useApiMutation('sample:remove');
  const [confirming, setConfirming] = useState(false);
  const close = () => {
    setConfirming(false);
    remove.reset();
  };

  return (
    <Section title={t('sample.title')} hint={t('sample.hint')} maw={820}>
      <QueryState isPending={status.isPending} error={status.error} />
      {status.data && (
        <Stack gap="sm">
          {status.data.loaded && (
            <Text size="sm" data-testid="sample-present">
              {t('sample.present', { ...status.data.counts })}
            </Text>
          )}
          <Group>
            {status.data.loaded ? (
              <Button color="red" variant="outline" leftSection={<IconTrash size={16} />} onClick={() => setConfirming(true)} data-testid="sample-remove">
                {t('sample.remove')}
              </Button>
            ) : (
              <LoadSampleButton />
            )}
          </Group>
        </Stack>
      )}
      <ConfirmModal
        opened={confirming}
        title={t('sample.confirmTitle')}
        confirmLabel={t('sample.confirm')}
        loading={remove.isPending}
        error={remove.isError ? errorText(t, remove.error) : null}
        onClose={close}
        onConfirm={() =>
          remove.mutate(
            {},
            {
              onSuccess: (result) => {
                close();
                notifyDone([t('sample.removed', { ...result.removed }), result.kept > 0 ? t('sample.kept', { count: result.kept }) : ''].filter(Boolean).join(' '));
              },
            },
          )
        }
      >
        {t('sample.confirmBody')}
      </ConfirmModal>
    </Section>
  );
}
