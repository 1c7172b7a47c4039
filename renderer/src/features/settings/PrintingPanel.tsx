import { Alert, Group, NumberInput, SegmentedControl, Select, Stack, Switch, Table, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KINDS, KIND_PAPERS, type DocumentKind, type Paper as PaperSize } from '../../../../shared/schemas/document';
import { MAX_COPIES, type PrinterInfo, type PrintingSettings } from '../../../../shared/schemas/printing';
import { settingsUpdateInput, type Settings } from '../../../../shared/schemas/settings';
import { useApiMutation, useApiQuery } from '../../api/client';
import { SETTINGS_KEY } from '../../app/language';
import { schemaValidator, showServerFieldErrors } from '../../lib/formValidation';
import { notifyDone, notifyError } from '../../lib/notify';
import { SaveButton } from '../../ui/FormModal';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { printerGone } from '../../ui/print-setup';

/** The select's value for "the system's default printer" (stored as null): no printer is named so. */
const SYSTEM_DEFAULT = '\u0000default';

interface Values {
  printing: Record<DocumentKind, { printer: string; paper: PaperSize; copies: number | string; silent: boolean }>;
}

function initialValues(printing: PrintingSettings): Values {
  const out = {} as Values['printing'];
  for (const kind of DOCUMENT_KINDS) out[kind] = { ...printing[kind], printer: printing[kind].printer ?? SYSTEM_DEFAULT };
  return { printing: out };
}

function toInput(values: Values) {
  const printing = {} as Record<DocumentKind, unknown>;
  for (const kind of DOCUMENT_KINDS) {
    const row = values.printing[kind];
    printing[kind] = {
      printer: row.printer === SYSTEM_DEFAULT ? null : row.printer,
      paper: row.paper,
      // An emptied box is sent as nothing, so the schema says "required" under it.
      copies: row.copies === '' ? (undefined as unknown as number) : Number(row.copies),
      silent: row.silent,
    };
  }
  return { printing: printing as PrintingSettings };
}

/** The printers to choose from: the system default first, then each listed one, and a gone one kept visible. */
function printerOptions(t: TFunction, printers: PrinterInfo[], current: string) {
  const byDefault = printers.find((p) => p.isDefault)?.name;
  const options = [
    { value: SYSTEM_DEFAULT, label: byDefault ? t('printing.systemDefaultNamed', { printer: byDefault }) : t('printing.systemDefault') },
    ...printers.map((p) => ({ value: p.name, label: p.isDefault ? t('printing.isDefault', { printer: p.name }) : p.name })),
  ];
  if (current !== SYSTEM_DEFAULT && !printers.some((p) => p.name === current)) options.push({ value: current, label: t('printing.gone', { printer: current }) });
  return options;
}

function PrintingForm({ settings, printers }: { settings: Settings; printers: PrinterInfo[] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const save = useApiMutation('settings:update');
  const form = useForm<Values>({ initialValues: initialValues(settings.printing), validate: schemaValidator<Values>(settingsUpdateInput, t, toInput) });
  const kindName = (kind: DocumentKind) => t(`app.documents.kind.${kind}`);
  const gone = DOCUMENT_KINDS.filter((kind) => printerGone(settings.printing[kind], printers));

  const submit = form.onSubmit((values) =>
    save.mutate(toInput(values), {
      onSuccess: (saved) => {
        client.setQueryData(SETTINGS_KEY, saved);
        form.setInitialValues(initialValues(saved.printing));
        form.resetDirty(initialValues(saved.printing));
        notifyDone(t('printing.saved'));
      },
      onError: (err) => {
        if (!showServerFieldErrors(form, (path) => path.startsWith('printing.'), t, err)) notifyError(t, err);
      },
    }),
  );

  return (
    <form noValidate onSubmit={submit} onKeyDown={getHotkeyHandler([['mod+S', () => submit()]])}>
      <Stack gap="sm">
        {printers.length === 0 && (
          <Alert color="yellow" variant="light">
            <Text size="sm">{t('printing.noPrinters')}</Text>
          </Alert>
        )}
        {gone.map((kind) => (
          <Alert key={kind} color="orange" variant="light" icon={<IconAlertTriangle size={18} />}>
            <Text size="sm">{t('printing.goneNotice', { kind: kindName(kind), printer: settings.printing[kind].printer })}</Text>
          </Alert>
        ))}
        <Table verticalSpacing={6} horizontalSpacing="sm" layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={200}>{t('printing.kind')}</Table.Th>
              <Table.Th>{t('printing.printer')}</Table.Th>
              <Table.Th w={190}>{t('printing.paper')}</Table.Th>
              <Table.Th w={90}>{t('printing.copies')}</Table.Th>
              <Table.Th w={150}>{t('printing.silent')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {DOCUMENT_KINDS.map((kind) => {
              const path = `printing.${kind}`;
              const row = form.values.printing[kind];
              return (
                <Table.Tr key={kind} data-kind={kind}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {kindName(kind)}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }}>
                    <Select
                      aria-label={t('printing.printerFor', { kind: kindName(kind) })}
                      data={printerOptions(t, printers, row.printer)}
                      allowDeselect={false}
                      comboboxProps={{ withinPortal: true }}
                      {...form.getInputProps(`${path}.printer`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <SegmentedControl
                      size="xs"
                      aria-label={t('printing.paperFor', { kind: kindName(kind) })}
                      data={KIND_PAPERS[kind].map((p) => ({ value: p, label: p === 'C241' ? t('printing.continuous') : t(`paper.${p}`) }))}
                      value={row.paper}
                      onChange={(v) => form.setFieldValue(`${path}.paper`, v as PaperSize)}
                    />
                    {form.errors[`${path}.paper`] && (
                      <Text size="xs" c="red">
                        {form.errors[`${path}.paper`]}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={t('printing.copiesFor', { kind: kindName(kind) })}
                      min={1}
                      max={MAX_COPIES}
                      allowDecimal={false}
                      allowNegative={false}
                      clampBehavior="strict"
                      {...form.getInputProps(`${path}.copies`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Switch aria-label={t('printing.silentFor', { kind: kindName(kind) })} {...form.getInputProps(`${path}.silent`, { type: 'checkbox' })} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed">
          {t('printing.silentHint')}
        </Text>
        <Group>
          <SaveButton loading={save.isPending} />
        </Group>
      </Stack>
    </form>
  );
}

/** Settings → Printing: each kind of paper set once (printer, paper, copies, print without asking). */
export function PrintingPanel({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  // Asked afresh each time the tab opens: a printer may have been added or removed since.
  const printers = useApiQuery('settings:printers', {}, { refetchOnMount: 'always' });
  return (
    <Section title={t('printing.title')} hint={t('printing.hint')} maw={1000}>
      <QueryState isPending={printers.isPending} error={printers.error} />
      {printers.data && <PrintingForm settings={settings} printers={printers.data} />}
    </Section>
  );
}
