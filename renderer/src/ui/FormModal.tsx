import { Button, Group, Kbd, Modal, Stack } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A modal form that behaves the same everywhere: focus lands on the field marked
 * `data-autofocus`, Enter (in a one-line field) and Ctrl+S save, Esc closes.
 */
export function FormModal({
  opened,
  onClose,
  title,
  onSubmit,
  saving,
  children,
  size = 520,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  saving: boolean;
  children: ReactNode;
  size?: number;
}) {
  const { t } = useTranslation();
  const submit = () => onSubmit();
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} styles={{ title: { fontWeight: 600 } }}>
      <form
        noValidate
        onSubmit={onSubmit}
        onKeyDown={getHotkeyHandler([
          ['mod+S', submit],
          ['mod+Enter', submit],
        ])}
      >
        <Stack gap="sm">
          {children}
          <Group justify="flex-end" gap="xs" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('app.common.cancel')}
            </Button>
            <SaveButton loading={saving} />
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The submit button of every form, with its keyboard shortcut shown. */
export function SaveButton({ loading }: { loading: boolean }) {
  const { t } = useTranslation();
  return (
    <Button type="submit" loading={loading}>
      {t('app.common.save')}
      <Kbd ml={8} size="xs">
        {t('app.keys.save')}
      </Kbd>
    </Button>
  );
}
