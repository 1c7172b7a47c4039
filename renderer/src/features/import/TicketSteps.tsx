import { Alert, Badge, Box, Button, Center, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconCircleCheck, IconDatabaseImport, IconInfoCircle, IconRefresh, IconTool } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TicketImportPreview, TicketImportResult, TicketRowOutcome } from '../../../../shared/schemas/ticket-import';
import { navigate } from '../../app/router';
import { errorText } from '../../lib/errorText';
import { Counts, ProblemLine } from './RowsTable';

const OUTCOME_COLOR: Record<TicketRowOutcome, string> = { new: 'green', onDesk: 'gray', refused: 'red' };
const nowrap = { whiteSpace: 'nowrap' } as const;

interface PreviewProps {
  preview: TicketImportPreview | undefined;
  pending: boolean;
  error: unknown;
  onBack: () => void;
  onCommit: () => void;
}

/**
 * Step 3 for tickets: each row as a new ticket, one already on this desk (skipped, left as the
 * desk has it), or refused with the reason. Nothing is written; the import is all or nothing, so
 * the button waits until no row is refused.
 */
export function TicketPreviewStep({ preview, pending, error, onBack, onCommit }: PreviewProps) {
  const { t } = useTranslation();
  const back = (
    <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={onBack}>
      {t('importer.back')}
    </Button>
  );
  if (pending || !preview) {
    return (
      <Center py="xl">
        <Stack align="center" gap="sm">
          {pending ? <Loader size="md" /> : null}
          {error ? (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="import-error">
              {errorText(t, error)}
            </Alert>
          ) : (
            <Text size="sm" c="dimmed">
              {t('importer.preview.loading')}
            </Text>
          )}
          {back}
        </Stack>
      </Center>
    );
  }
  const blocked = preview.errorCount > 0;
  return (
    <Box>
      <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} py={8} mb="sm" data-testid="ticket-import-summary">
        <Text size="sm">{t('sheets.ticketImport.summary', { total: preview.total, new: preview.newCount, onDesk: preview.onDeskCount, errors: preview.errorCount })}</Text>
      </Alert>
      <Counts
        items={[
          { key: 'total', label: t('importer.preview.counts.total'), value: preview.total },
          { key: 'new', label: t('sheets.ticketImport.outcome.new'), value: preview.newCount, color: 'green.8' },
          { key: 'onDesk', label: t('sheets.ticketImport.outcome.onDesk'), value: preview.onDeskCount },
          { key: 'refused', label: t('sheets.ticketImport.outcome.refused'), value: preview.errorCount, color: 'red.8' },
        ]}
      />
      {blocked && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} py={8} mt="sm" data-testid="ticket-import-blocked">
          <Text size="sm">{t('sheets.ticketImport.blocked', { count: preview.errorCount })}</Text>
        </Alert>
      )}
      {!blocked && preview.newCount === 0 && (
        <Alert color="gray" variant="light" py={8} mt="sm">
          <Text size="sm">{t('sheets.ticketImport.nothingNew')}</Text>
        </Alert>
      )}
      <Group justify="flex-end" mt="sm" mb="xs" gap="xs" wrap="nowrap">
        {back}
        <Button leftSection={<IconDatabaseImport size={16} />} onClick={onCommit} disabled={blocked || preview.newCount === 0} data-testid="ticket-import-commit">
          {t('sheets.ticketImport.commit', { count: preview.newCount })}
        </Button>
      </Group>
      <Table striped withTableBorder verticalSpacing={4} horizontalSpacing="xs" data-testid="ticket-import-rows">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={56}>{t('sheets.ticketImport.columns.row')}</Table.Th>
            <Table.Th w={150}>{t('sheets.ticketImport.columns.number')}</Table.Th>
            <Table.Th w={150}>{t('sheets.ticketImport.columns.customer')}</Table.Th>
            <Table.Th w={220}>{t('sheets.ticketImport.columns.unit')}</Table.Th>
            <Table.Th w={96}>{t('sheets.ticketImport.columns.status')}</Table.Th>
            <Table.Th>{t('sheets.ticketImport.columns.outcome')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.rows.map((row) => (
            <Table.Tr key={row.row} data-row={row.row} data-outcome={row.outcome} style={{ verticalAlign: 'top' }}>
              <Table.Td ff="monospace">{row.row}</Table.Td>
              <Table.Td ff="monospace" style={nowrap}>
                {row.number}
              </Table.Td>
              <Table.Td>{row.customerName}</Table.Td>
              <Table.Td>{row.unitLabel}</Table.Td>
              <Table.Td style={nowrap}>{row.status ? t(`ticketing.status.${row.status}`) : ''}</Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  <Badge size="sm" variant="light" color={OUTCOME_COLOR[row.outcome]} radius="sm" tt="none" style={nowrap}>
                    {t(`sheets.ticketImport.outcome.${row.outcome}`)}
                  </Badge>
                  {row.problems.map((problem, i) => (
                    <ProblemLine key={i} problem={problem} />
                  ))}
                  {row.warnings.map((warning, i) => (
                    <ProblemLine key={`w${i}`} problem={warning} warning />
                  ))}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}

interface ResultProps {
  result: TicketImportResult | undefined;
  pending: boolean;
  error: unknown;
  onBack: () => void;
  onRestart: () => void;
}

/** Step 4 for tickets: written all at once, or refused with nothing written. */
export function TicketResultStep({ result, pending, error, onBack, onRestart }: ResultProps) {
  const { t } = useTranslation();
  if (pending) {
    return (
      <Center py="xl">
        <Loader size="md" />
      </Center>
    );
  }
  return (
    <Stack gap="sm" align="flex-start">
      {result ? (
        <Alert color="green" variant="light" icon={<IconCircleCheck size={18} />} w="100%" data-testid="ticket-import-done">
          <Text size="sm">{t('sheets.ticketImport.done', { count: result.created, onDesk: result.onDesk })}</Text>
        </Alert>
      ) : error ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} w="100%" data-testid="import-error">
          <Text size="sm">{errorText(t, error)}</Text>
        </Alert>
      ) : null}
      <Group gap="xs">
        {result && result.created > 0 && (
          <Button variant="default" leftSection={<IconTool size={16} />} onClick={() => navigate({ section: 'tickets' })}>
            {t('sheets.ticketImport.openTickets')}
          </Button>
        )}
        {!result && (
          <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={onBack}>
            {t('importer.back')}
          </Button>
        )}
        <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={onRestart}>
          {t('importer.startAgain')}
        </Button>
      </Group>
    </Stack>
  );
}
