import { ActionIcon, Badge, Box, Button, Group, Image, Paper, Stack, Text, ThemeIcon, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconExternalLink, IconFileTypePdf, IconPaperclip, IconPhoto, IconRuler2, IconTrash } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatDateTime } from '../../../../shared/format';
import { MAX_ATTACHMENT_BYTES, type AttachmentItem, type AttachmentRecord } from '../../../../shared/schemas/attachment';
import { useApiMutation, useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { errorText } from '../../lib/errorText';
import { notifyDone, notifyError } from '../../lib/notify';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { QueryState } from '../../ui/QueryState';

const MB = 1024 * 1024;
const megabytes = (bytes: number) => Math.round((bytes / MB) * 10) / 10;

export function sizeText(t: TFunction, bytes: number): string {
  return bytes < MB ? t('attachments.panel.sizeKb', { value: Math.max(1, Math.round(bytes / 1024)) }) : t('attachments.panel.sizeMb', { value: megabytes(bytes) });
}

/** The bytes of a dropped file as base64, read by the browser (the name is only a label). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

function KindIcon({ item }: { item: AttachmentItem }) {
  if (item.thumbnail) return <Image src={item.thumbnail} w={48} h={48} radius="sm" fit="cover" alt="" />;
  const icon = item.kind === 'pdf' ? <IconFileTypePdf size={26} /> : item.kind === 'drawing' ? <IconRuler2 size={26} /> : <IconPhoto size={26} />;
  return (
    <ThemeIcon variant="light" color={item.missing ? 'red' : 'gray'} size={48} radius="sm">
      {icon}
    </ThemeIcon>
  );
}

function Row({ item, onDelete }: { item: AttachmentItem; onDelete: () => void }) {
  const { t } = useTranslation();
  const open = useApiMutation('attachments:open');
  const lang = currentLanguage();
  const openIt = () => open.mutate({ id: item.id }, { onError: (err) => notifyError(t, err) });
  const meta = [t(`attachments.kinds.${item.kind}`), sizeText(t, item.size), t('attachments.panel.by', { who: item.createdBy || '—', date: formatDateTime(item.createdAt, lang) })].join(' · ');
  return (
    <Group gap="sm" wrap="nowrap" data-testid="attachment-row" data-missing={item.missing || undefined}>
      <Box style={{ flexShrink: 0, cursor: item.missing ? 'default' : 'pointer' }} onClick={item.missing ? undefined : openIt}>
        <KindIcon item={item} />
      </Box>
      <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={500} truncate="end" title={item.name}>
            {item.name}
          </Text>
          {item.missing && (
            <Tooltip label={t('attachments.panel.missingHint')} multiline w={260}>
              <Badge color="red" variant="light" leftSection={<IconAlertTriangle size={12} />} style={{ flexShrink: 0 }}>
                {t('attachments.panel.missing')}
              </Badge>
            </Tooltip>
          )}
        </Group>
        {/* In a narrow column the line is cut; hovering shows it whole. */}
        <Text size="xs" c="dimmed" truncate="end" title={meta}>
          {meta}
        </Text>
      </Stack>
      <Group gap={4} wrap="nowrap">
        <Tooltip label={t('attachments.panel.open')}>
          <ActionIcon variant="subtle" aria-label={t('attachments.panel.open')} disabled={item.missing} loading={open.isPending} onClick={openIt}>
            <IconExternalLink size={16} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('attachments.panel.delete')}>
          <ActionIcon variant="subtle" color="red" aria-label={t('attachments.panel.delete')} onClick={onDelete}>
            <IconTrash size={16} />
          </ActionIcon>
        </Tooltip>
      </Group>
    </Group>
  );
}

/**
 * The files kept with one record (a customer, unit, ticket or archived document): photos, PDFs
 * and drawings, added with the system's file dialog or dropped here, listed with thumbnails,
 * opened in the system's viewer. The same panel on every page that has a record.
 */
export function AttachmentPanel({ record, testId = 'attachments' }: { record: AttachmentRecord; testId?: string }) {
  const { t } = useTranslation();
  const list = useApiQuery('attachments:list', { record });
  const pick = useApiMutation('attachments:pick');
  const add = useApiMutation('attachments:add');
  const remove = useApiMutation('attachments:delete');
  const [dragging, setDragging] = useState(false);
  const [adding, setAdding] = useState(0);
  const [deleting, setDeleting] = useState<AttachmentItem | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const items = list.data ?? [];

  const chooseFile = () =>
    pick.mutate(
      { record },
      {
        onSuccess: (item) => item && notifyDone(t('attachments.panel.added', { name: item.name })),
        onError: (err) => notifyError(t, err),
      },
    );

  // One file at a time, so each is refused or kept on its own, with its own message.
  const addFiles = async (files: File[]) => {
    for (const file of files) {
      if (file.size > MAX_ATTACHMENT_BYTES) {
        // Said before reading 25 MB and more into memory: the same sentence the backend would say.
        notifications.show({ color: 'red', autoClose: 8000, message: t('attachments.errors.tooLarge', { name: file.name, size: megabytes(file.size), limit: megabytes(MAX_ATTACHMENT_BYTES) }) });
        continue;
      }
      setAdding((n) => n + 1);
      try {
        const data = await readBase64(file);
        const item = await add.mutateAsync({ record, name: file.name, data });
        notifyDone(t('attachments.panel.added', { name: item.name }));
      } catch (err) {
        notifyError(t, err);
      } finally {
        setAdding((n) => n - 1);
      }
    }
  };

  const onDragOver = (e: DragEvent) => {
    if (!e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void addFiles([...e.dataTransfer.files]);
  };

  const confirmDelete = () => {
    if (!deleting) return;
    remove.mutate(
      { id: deleting.id },
      {
        onSuccess: () => {
          notifyDone(t('attachments.panel.deleted', { name: deleting.name }));
          setDeleting(null);
        },
        onError: (err) => setDeleteError(errorText(t, err)),
      },
    );
  };

  return (
    <Paper
      withBorder
      p="sm"
      data-testid={testId}
      onDragOver={onDragOver}
      // Moving over the panel's own rows fires a leave too: only leaving the panel ends the highlight.
      onDragLeave={(e) => !e.currentTarget.contains(e.relatedTarget as Node | null) && setDragging(false)}
      onDrop={onDrop}
      style={dragging ? { borderColor: 'var(--mantine-primary-color-filled)', borderStyle: 'dashed', background: 'var(--mantine-primary-color-light)' } : undefined}
    >
      <Group justify="space-between" mb={6} wrap="nowrap" gap="xs">
        <Group gap={6} wrap="nowrap">
          <IconPaperclip size={16} />
          <Title order={3} fz="md" fw={600} style={{ whiteSpace: 'nowrap' }}>
            {t('attachments.title')}
          </Title>
          {items.length > 0 && (
            <Badge variant="light" color="gray">
              {items.length}
            </Badge>
          )}
        </Group>
        <Button size="compact-sm" variant="light" leftSection={<IconPaperclip size={14} />} loading={pick.isPending || adding > 0} onClick={chooseFile}>
          {t('attachments.panel.add')}
        </Button>
      </Group>
      <QueryState isPending={list.isPending} error={list.error} />
      {list.isSuccess && (
        <Stack gap={6}>
          {items.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('attachments.panel.empty')}
            </Text>
          )}
          {items.map((item) => (
            <Row
              key={item.id}
              item={item}
              onDelete={() => {
                setDeleteError(null);
                setDeleting(item);
              }}
            />
          ))}
          <Text size="xs" c="dimmed" ta="center" py={4} style={{ border: '1px dashed var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-sm)' }}>
            {dragging ? t('attachments.panel.dropActive') : t('attachments.panel.drop')}
            <br />
            {t('attachments.panel.limits', { limit: megabytes(MAX_ATTACHMENT_BYTES) })}
          </Text>
        </Stack>
      )}
      <ConfirmModal
        opened={deleting !== null}
        title={t('attachments.panel.deleteTitle')}
        confirmLabel={t('attachments.panel.deleteConfirm')}
        loading={remove.isPending}
        error={deleteError}
        onConfirm={confirmDelete}
        onClose={() => setDeleting(null)}
      >
        {t('attachments.panel.deleteBody', { name: deleting?.name ?? '' })}
      </ConfirmModal>
    </Paper>
  );
}
