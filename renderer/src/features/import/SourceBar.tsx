import { Button, Group, Select, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SHEET_ENCODINGS, type ImportOpened, type SheetEncoding } from '../../../../shared/schemas/excel';
import { useApiMutation } from '../../api/client';
import { notifyDone, notifyError } from '../../lib/notify';

/**
 * What the open file is (format, and for a CSV its separator and encoding), with the encoding
 * to change when the sample below shows garbled text: a GBK file read as UTF-8 shows 锟斤拷.
 */
export function SourceBar({ opened, onReopened }: { opened: ImportOpened; onReopened: (next: ImportOpened) => void }) {
  const { t } = useTranslation();
  const reopen = useApiMutation('import:encoding');
  // The catalog names the format ($t(sheets.format.…)): the key goes in, not its words.
  const format = opened.format;
  if (!opened.encoding) {
    return (
      <Text size="sm" c="dimmed" data-testid="import-source">
        {t('sheets.fileFormat', { format })}
      </Text>
    );
  }
  const name = (e: SheetEncoding) => t(`sheets.encoding.${e}`);
  const detected = opened.detectedEncoding ?? opened.encoding;
  return (
    <Group gap="sm" wrap="nowrap" data-testid="import-source">
      <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {t('sheets.fileFormat', { format })}
        {opened.delimiter ? ` · ${t(`sheets.delimiter.${opened.delimiter}`)}` : ''}
      </Text>
      <Select
        size="xs"
        w={250}
        label={undefined}
        aria-label={t('sheets.encoding.label')}
        data-testid="import-encoding"
        allowDeselect={false}
        value={opened.encoding}
        disabled={reopen.isPending}
        data={SHEET_ENCODINGS.map((e) => ({ value: e, label: name(e) }))}
        onChange={(value) => value && value !== opened.encoding && reopen.mutate({ token: opened.token, encoding: value as SheetEncoding }, { onSuccess: onReopened, onError: (err) => notifyError(t, err) })}
        leftSection={undefined}
      />
      <Text size="xs" c="dimmed">
        {opened.encoding === detected ? t('sheets.encoding.detected', { encoding: name(detected) }) : t('sheets.encoding.chosen', { encoding: name(opened.encoding), detected: name(detected) })}
      </Text>
    </Group>
  );
}

/** The import template, saved where the clerk picks, in the desk's language. */
export function TemplateButton() {
  const { t } = useTranslation();
  const save = useApiMutation('import:template');
  return (
    <Button
      variant="default"
      leftSection={<IconDownload size={18} />}
      loading={save.isPending}
      onClick={() =>
        save.mutate(
          { language: null },
          {
            onSuccess: ({ savedTo }) => {
              if (savedTo) notifyDone(t('sheets.template.saved', { file: savedTo }));
            },
            onError: (err) => notifyError(t, err),
          },
        )
      }
    >
      {t('sheets.template.button')}
    </Button>
  );
}
