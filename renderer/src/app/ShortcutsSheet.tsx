import { ActionIcon, Group, Kbd, Modal, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconKeyboard } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isTextField } from '../lib/keyboard';

/**
 * One keyboard map for the whole desk, written down where the clerk can find it: F1 or ? opens
 * it anywhere (? only outside a text field, where it would be typed).
 */
const GROUPS = [
  { key: 'anywhere', rows: [['search', ['Ctrl', 'K']], ['newRepair', ['Ctrl', 'N']], ['sheet', ['F1']], ['close', ['Esc']], ['scan', []]] },
  { key: 'onPage', rows: [['newHere', ['Ctrl', 'Shift', 'N']], ['print', ['Ctrl', 'P']], ['nextStep', ['Ctrl', 'Enter']]] },
  { key: 'inForms', rows: [['save', ['Ctrl', 'S']], ['enterSave', ['Enter']], ['pick', ['Enter']], ['move', ['Tab']]] },
] as const;

export function ShortcutsSheet() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const asked = event.key === 'F1' || (event.key === '?' && !isTextField(event.target) && !event.ctrlKey && !event.altKey);
      if (!asked) return;
      event.preventDefault();
      setOpened(true);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  return (
    <>
      <Tooltip label={t('app.shortcuts.open')}>
        <ActionIcon variant="subtle" color="gray" aria-label={t('app.shortcuts.open')} onClick={() => setOpened(true)} data-testid="shortcuts-open">
          <IconKeyboard size={18} stroke={1.6} />
        </ActionIcon>
      </Tooltip>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('app.shortcuts.title')} size={620} closeButtonProps={{ 'aria-label': t('app.common.close') }}>
        <Stack gap="md" data-testid="shortcuts-sheet">
          {GROUPS.map((group) => (
            <Stack key={group.key} gap={4}>
              <Title order={3} fz="sm" fw={600}>
                {t(`app.shortcuts.groups.${group.key}`)}
              </Title>
              <Table withRowBorders={false} verticalSpacing={4}>
                <Table.Tbody>
                  {group.rows.map(([what, keys]) => (
                    <Table.Tr key={what}>
                      <Table.Td w={190}>
                        {keys.length > 0 ? (
                          <Group gap={4} wrap="nowrap">
                            {keys.map((k, i) => (
                              <Kbd key={i} size="sm">
                                {k}
                              </Kbd>
                            ))}
                          </Group>
                        ) : (
                          <Text size="sm" c="dimmed">
                            {t('app.shortcuts.scanner')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{t(`app.shortcuts.keys.${what}`)}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          ))}
        </Stack>
      </Modal>
    </>
  );
}
