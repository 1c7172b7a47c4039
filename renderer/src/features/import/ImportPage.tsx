import { Alert, Box, Button, Group, SegmentedControl, Stack, Stepper, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowRight, IconFileSpreadsheet, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../../shared/contract';
import type { ImportCustomerChoice, ImportOpened, ImportPreview, ImportSheet } from '../../../../shared/schemas/excel';
import { useApiMutation } from '../../api/client';
import { errorText } from '../../lib/errorText';
import { PageHeader } from '../../ui/PageHeader';
import { needsPolicy } from './CategoryPolicies';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import { RecentImports } from './RecentImports';
import { ResultStep } from './ResultStep';
import { SourceBar, TemplateButton } from './SourceBar';
import { TicketPreviewStep, TicketResultStep } from './TicketSteps';
import { fieldSetOf, suggestedMapping, type ColumnMapping, type FieldSet } from './mapping';

type SheetInput = InputOf<'import:preview'>;
type TicketInput = InputOf<'import:ticketsPreview'>;

const STEP = { file: 0, map: 1, preview: 2, commit: 3, done: 4 } as const;

/**
 * The Excel import as one screen in four steps: choose the file, say which column is what,
 * check every row (nothing written yet), then import the good rows in one go.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const [step, setStep] = useState<number>(STEP.file);
  const [opened, setOpened] = useState<ImportOpened | null>(null);
  const [sheetName, setSheetName] = useState<string | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  // What the sheet is read as: a tickets sheet (the desk's tickets list, a history's tickets) is offered as tickets.
  const [kind, setKind] = useState<FieldSet['kind']>('customers');
  const fieldSet = fieldSetOf(kind);
  // The clerk's own picks; a category not picked gets the check's suggestion.
  const [policies, setPolicies] = useState<Map<string, number | null>>(new Map());
  const [choices, setChoices] = useState<Map<number, ImportCustomerChoice>>(new Map());
  // Exactly what was checked is what gets imported.
  const [checked, setChecked] = useState<SheetInput | null>(null);
  const [lastPreview, setLastPreview] = useState<ImportPreview | null>(null);

  const open = useApiMutation('import:open');
  const preview = useApiMutation('import:preview');
  const commit = useApiMutation('import:commit');
  const ticketPreview = useApiMutation('import:ticketsPreview');
  const ticketCommit = useApiMutation('import:ticketsCommit');
  const [ticketChecked, setTicketChecked] = useState<TicketInput | null>(null);

  const sheet: ImportSheet | null = opened?.sheets.find((s) => s.name === sheetName) ?? null;
  const busy = open.isPending || preview.isPending || commit.isPending || ticketPreview.isPending || ticketCommit.isPending;
  const done = commit.isSuccess || ticketCommit.isSuccess;

  const pickSheet = (next: ImportSheet) => {
    const nextKind = next.holdsTickets ? 'tickets' : 'customers';
    setSheetName(next.name);
    setKind(nextKind);
    setMapping(suggestedMapping(next, fieldSetOf(nextKind)));
  };
  const chooseKind = (next: FieldSet['kind']) => {
    setKind(next);
    if (sheet) setMapping(suggestedMapping(sheet, fieldSetOf(next)));
  };

  const fileOpened = (result: ImportOpened | null) => {
    // Cancelled in the system dialog: stay where the clerk was.
    if (!result || result.sheets.length === 0) return;
    setOpened(result);
    pickSheet(result.sheets[0]!);
    preview.reset();
    commit.reset();
    ticketPreview.reset();
    ticketCommit.reset();
    setChecked(null);
    setTicketChecked(null);
    setLastPreview(null);
    setPolicies(new Map());
    setChoices(new Map());
    setStep(STEP.map);
  };
  const chooseFile = () => open.mutate({}, { onSuccess: fileOpened });

  const check = (nextPolicies: Map<string, number | null>, nextChoices: Map<number, ImportCustomerChoice>) => {
    if (!opened || !sheet) return;
    const input: SheetInput = {
      token: opened.token,
      sheet: sheet.name,
      mapping: mapping as SheetInput['mapping'],
      categoryPolicies: [...nextPolicies].map(([category, policyId]) => ({ category, policyId })),
      customerChoices: [...nextChoices].map(([row, choice]) => ({ row, choice })),
    };
    setChecked(input);
    setStep(STEP.preview);
    preview.mutate(input, { onSuccess: setLastPreview });
  };
  const checkRows = () => {
    setLastPreview(null);
    if (kind === 'tickets') {
      if (!opened || !sheet) return;
      const input: TicketInput = { token: opened.token, sheet: sheet.name, mapping: mapping as TicketInput['mapping'] };
      setTicketChecked(input);
      setStep(STEP.preview);
      ticketPreview.mutate(input);
      return;
    }
    check(policies, choices);
  };
  // A changed pick is checked again at once; the last check stays on screen meanwhile.
  const choosePolicy = (category: string, policyId: number | null) => {
    const next = new Map(policies).set(category, policyId);
    setPolicies(next);
    check(next, choices);
  };
  const chooseCustomer = (row: number, choice: ImportCustomerChoice) => {
    const next = new Map(choices).set(row, choice);
    setChoices(next);
    check(policies, next);
  };

  const importRows = () => {
    if (kind === 'tickets') {
      if (!ticketChecked) return;
      setStep(STEP.commit);
      ticketCommit.mutate(ticketChecked);
      return;
    }
    if (!checked || !lastPreview) return;
    setStep(STEP.commit);
    // The policies the check showed, suggestions included, are the ones the import uses.
    const categoryPolicies = lastPreview.categories.filter(needsPolicy).map((c) => ({ category: c.category, policyId: c.policyId }));
    commit.mutate({ ...checked, categoryPolicies });
  };

  const backToMapping = () => {
    // A check still running is simply no longer wanted: its answer is dropped.
    preview.reset();
    ticketPreview.reset();
    setLastPreview(null);
    setStep(STEP.map);
  };

  const backToPreview = () => {
    commit.reset();
    ticketCommit.reset();
    setStep(STEP.preview);
  };

  const restart = () => {
    open.reset();
    preview.reset();
    commit.reset();
    ticketPreview.reset();
    ticketCommit.reset();
    setTicketChecked(null);
    setOpened(null);
    setSheetName(null);
    setMapping({});
    setPolicies(new Map());
    setChoices(new Map());
    setChecked(null);
    setLastPreview(null);
    setStep(STEP.file);
  };

  // A file that could not be read is explained next to the button that chose it.
  const openError = open.error ? (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} py={8} data-testid="import-open-error">
      {errorText(t, open.error)}
    </Alert>
  ) : null;

  const goTo = (index: number) => {
    if (busy || done || index >= step) return;
    if (index === STEP.file) setStep(STEP.file);
    else if (index === STEP.map) backToMapping();
    else if (index === STEP.preview) backToPreview();
  };
  const selectable = (index: number) => !busy && !done && index < step;

  return (
    <Box maw={1400}>
      <PageHeader title={t(kind === 'tickets' ? 'sheets.ticketImport.title' : 'importer.title')}>
        {opened && !done && (
          <Button variant="default" size="sm" leftSection={<IconRefresh size={16} />} onClick={restart} disabled={commit.isPending || ticketCommit.isPending}>
            {t('importer.startAgain')}
          </Button>
        )}
      </PageHeader>
      <Stepper
        active={done ? STEP.done : step}
        onStepClick={goTo}
        size="sm"
        contentPadding="sm"
        allowNextStepsSelect={false}
        role="group"
        aria-label={t('importer.steps.label')}
      >
        <Stepper.Step
          label={t('importer.steps.file')}
          description={opened?.fileName ?? t('importer.steps.fileHint')}
          allowStepSelect={selectable(STEP.file)}
          loading={open.isPending && step === STEP.file}
        >
          <Stack gap="sm" maw={720} py="xs">
            <Text size="sm">{t('importer.file.intro')}</Text>
            <Text size="sm" c="dimmed">
              {t('importer.file.rules')}
            </Text>
            <Group gap="sm">
              <Button leftSection={<IconFileSpreadsheet size={18} />} onClick={chooseFile} loading={open.isPending} autoFocus>
                {opened ? t('importer.file.chooseAnother') : t('importer.file.choose')}
              </Button>
              <TemplateButton />
            </Group>
            {openError}
            {opened && (
              <Group gap="sm">
                <Text size="sm" data-testid="import-file-chosen">
                  {t('importer.file.chosen', { file: opened.fileName })}
                </Text>
                <Button size="compact-sm" variant="light" rightSection={<IconArrowRight size={14} />} onClick={() => setStep(STEP.map)}>
                  {t('importer.next')}
                </Button>
              </Group>
            )}
          </Stack>
          <RecentImports />
        </Stepper.Step>
        <Stepper.Step label={t('importer.steps.map')} description={t('importer.steps.mapHint')} allowStepSelect={selectable(STEP.map)}>
          {opened && sheet && (
            <MappingStep
              opened={opened}
              sheet={sheet}
              mapping={mapping}
              fieldSet={fieldSet}
              kindPicker={
                <Stack gap={4}>
                  <Group gap="sm" wrap="nowrap">
                    <Text size="sm" id="import-kind-label">
                      {t('sheets.ticketImport.kind.label')}
                    </Text>
                    <SegmentedControl
                      size="xs"
                      aria-labelledby="import-kind-label"
                      value={kind}
                      onChange={(value) => chooseKind(value as FieldSet['kind'])}
                      data={[
                        { value: 'customers', label: t('sheets.ticketImport.kind.customers') },
                        { value: 'tickets', label: t('sheets.ticketImport.kind.tickets') },
                      ]}
                      data-testid="import-kind"
                    />
                  </Group>
                  {kind === 'tickets' && (
                    <Text size="xs" c="dimmed" data-testid="ticket-import-intro">
                      {t('sheets.ticketImport.intro')} {t('sheets.ticketImport.nextDue')}
                    </Text>
                  )}
                </Stack>
              }
              choosing={open.isPending}
              notice={openError}
              source={<SourceBar opened={opened} onReopened={fileOpened} />}
              onSheet={(name) => {
                const next = opened.sheets.find((s) => s.name === name);
                if (next) pickSheet(next);
              }}
              onMapping={(field, column) => setMapping((m) => ({ ...m, [field]: column }))}
              onChooseAnother={chooseFile}
              onBack={() => setStep(STEP.file)}
              onNext={checkRows}
            />
          )}
        </Stepper.Step>
        <Stepper.Step
          label={t('importer.steps.preview')}
          description={t('importer.steps.previewHint')}
          allowStepSelect={selectable(STEP.preview)}
          loading={preview.isPending || ticketPreview.isPending}
        >
          {kind === 'tickets' ? (
            <TicketPreviewStep preview={ticketPreview.data} pending={ticketPreview.isPending} error={ticketPreview.error} onBack={backToMapping} onCommit={importRows} />
          ) : (
            <PreviewStep
              preview={preview.data ?? lastPreview ?? undefined}
              pending={preview.isPending}
              error={preview.error}
              choices={choices}
              onChoose={chooseCustomer}
              onPolicy={choosePolicy}
              onBack={backToMapping}
              onCommit={importRows}
            />
          )}
        </Stepper.Step>
        <Stepper.Step label={t('importer.steps.commit')} description={t('importer.steps.commitHint')} allowStepSelect={false} loading={commit.isPending || ticketCommit.isPending}>
          {kind === 'tickets' ? (
            <TicketResultStep result={undefined} pending={ticketCommit.isPending} error={ticketCommit.error} onBack={backToPreview} onRestart={restart} />
          ) : (
            <ResultStep result={undefined} pending={commit.isPending} error={commit.error} onBack={backToPreview} onRestart={restart} />
          )}
        </Stepper.Step>
        <Stepper.Completed>
          {kind === 'tickets' ? (
            <TicketResultStep result={ticketCommit.data} pending={false} error={null} onBack={backToPreview} onRestart={restart} />
          ) : (
            <ResultStep result={commit.data} pending={false} error={null} onBack={backToPreview} onRestart={restart} />
          )}
        </Stepper.Completed>
      </Stepper>
    </Box>
  );
}
