import { Button, Group, Kbd, Modal, Stack } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const STICKY_FOOTER = {
  position: 'sticky',
  bottom: 0,
  zIndex: 2,
  background: 'var(--mantine-color-body)',
  borderTop: '1px solid var(--mantine-color-default-border)',
  marginBottom: 'calc(var(--mantine-spacing-md) * -1)',
} as const;

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
  submitLabel,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  saving: boolean;
  children: ReactNode;
  size?: number;
  /** Where saving also starts the next step ("Save and open the repair"). */
  submitLabel?: string;
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
          {/* At 768 px a long form scrolls: Save stays in sight, stuck to the bottom of the dialog. */}
          <Group justify="flex-end" gap="xs" mt="xs" py="xs" style={STICKY_FOOTER} data-testid="form-footer">
            <Button variant="default" onClick={onClose}>
              {t('app.common.cancel')}
            </Button>
            <SaveButton loading={saving} label={submitLabel} />
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The submit button of every form, with its keyboard shortcut shown. */
export function SaveButton({ loading, label }: { loading: boolean; label?: string }) {
  const { t } = useTranslation();
  return (
    <Button type="submit" loading={loading}>
      {label ?? t('app.common.save')}
      <Kbd ml={8} size="xs">
        {t('app.keys.save')}
      </Kbd>
    </Button>
  );
}
