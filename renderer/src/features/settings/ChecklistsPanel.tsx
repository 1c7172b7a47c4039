import { ActionIcon, Alert, Button, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconArchive, IconInfoCircle, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Checklist } from '../../../../shared/schemas/checklist';
import { useApiMutation, useApiQuery } from '../../api/client';
import { errorText } from '../../lib/errorText';
import { notifyDone } from '../../lib/notify';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { QueryState } from '../../ui/QueryState';
import { ChecklistForm } from './ChecklistForm';

const nowrap = { whiteSpace: 'nowrap' } as const;

/**
 * The inspection checklists, a model's before a category's, each with its current version and how
 * many finished visits used it (editing one of those makes a new version, said on screen).
 */
export function ChecklistsPanel() {
  const { t } = useTranslation();
  const list = useApiQuery('checklists:list', {});
  const archive = useApiMutation('checklists:archive');
  const [editing, setEditing] = useState<Checklist | 'new' | null>(null);
  const [retiring, setRetiring] = useState<Checklist | null>(null);
  const target = (c: Checklist) => (c.modelId !== null ? t('inspect.checklists.model', { model: c.modelLabel ?? '' }) : t('inspect.checklists.category', { category: c.category ?? '' }));
  return (
    <>
      <Group justify="space-between" mb="sm" wrap="nowrap" align="flex-start">
        <Text size="sm" c="dimmed" maw={760}>
          {t('inspect.checklists.intro')}
        </Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} style={{ flexShrink: 0 }}>
          {t('inspect.checklists.new')}
        </Button>
      </Group>
      <Alert color="blue" variant="light" py={8} mb="sm" icon={<IconInfoCircle size={18} />} data-testid="checklists-versioning">
        <Text size="sm">{t('inspect.checklists.versioning')}</Text>
      </Alert>
      <QueryState isPending={list.isPending} error={list.error} />
      {list.data &&
        (list.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('inspect.checklists.empty')}
          </Text>
        ) : (
          <Table striped highlightOnHover withTableBorder data-testid="checklists-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('inspect.checklists.columns.name')}</Table.Th>
                <Table.Th>{t('inspect.checklists.columns.target')}</Table.Th>
                <Table.Th w={100}>{t('inspect.checklists.columns.version')}</Table.Th>
                <Table.Th w={90} ta="right">
                  {t('inspect.checklists.columns.items')}
                </Table.Th>
                <Table.Th w={120} ta="right">
                  {t('inspect.checklists.columns.usedBy')}
                </Table.Th>
                <Table.Th w={90}>{t('inspect.checklists.columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((c) => (
                <Table.Tr key={c.id} data-checklist={c.name} onDoubleClick={() => setEditing(c)}>
                  <Table.Td fw={600}>
                    <Text size="sm" fw={600} lineClamp={1} title={c.name}>
                      {c.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={1} title={target(c)}>
                      {target(c)}
                    </Text>
                  </Table.Td>
                  <Table.Td style={nowrap}>{t('inspect.checklists.versionNo', { version: c.version })}</Table.Td>
                  <Table.Td ta="right">{c.items.length}</Table.Td>
                  <Table.Td ta="right" style={nowrap}>
                    {t('inspect.checklists.usedBy', { count: c.usedBy })}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={2} wrap="nowrap">
                      <Tooltip label={t('inspect.checklists.edit')}>
                        <ActionIcon variant="subtle" color="gray" aria-label={`${t('inspect.checklists.edit')} ${c.name}`} onClick={() => setEditing(c)}>
                          <IconPencil size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t('inspect.checklists.archive')}>
                        <ActionIcon variant="subtle" color="gray" aria-label={`${t('inspect.checklists.archive')} ${c.name}`} onClick={() => setRetiring(c)}>
                          <IconArchive size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ))}
      {editing !== null && <ChecklistForm checklist={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <ConfirmModal
        opened={retiring !== null}
        title={t('inspect.checklists.archive')}
        confirmLabel={t('inspect.checklists.archive')}
        loading={archive.isPending}
        error={archive.error ? errorText(t, archive.error) : null}
        onConfirm={() =>
          retiring &&
          archive.mutate(
            { id: retiring.id },
            {
              onSuccess: () => {
                notifyDone(t('inspect.checklists.archived', { name: retiring.name }));
                setRetiring(null);
              },
            },
          )
        }
        onClose={() => {
          archive.reset();
          setRetiring(null);
        }}
      >
        {retiring ? t('inspect.checklists.archiveConfirm', { name: retiring.name }) : ''}
      </ConfirmModal>
    </>
  );
}
