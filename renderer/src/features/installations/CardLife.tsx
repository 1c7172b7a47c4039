import { Button, Group, Modal, Paper, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconMailbox, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate, localDay, todayIso } from '../../../../shared/domain/dates';
import { formatDate } from '../../../../shared/format';
import { CARD_ISSUE_WAYS, type CardIssueWay, type WarrantyCardLife } from '../../../../shared/schemas/installation';
import { useApiMutation, useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { tidyDate } from '../../lib/dates';
import { notifyDone, notifyError } from '../../lib/notify';
import { problemText } from './problem';

/** Handed over or posted, on a day: recorded against the printed card. */
function IssueDialog({ card, onClose }: { card: WarrantyCardLife; onClose: () => void }) {
  const { t } = useTranslation();
  const [issuedOn, setIssuedOn] = useState(todayIso());
  const [how, setHow] = useState<CardIssueWay>('handed');
  const issue = useApiMutation('cards:issue');
  const submit = () => {
    const day = tidyDate(issuedOn);
    issue.mutate(
      { documentId: card.documentId, issuedOn: isIsoDate(day) ? day : issuedOn, how },
      {
        onSuccess: () => {
          notifyDone(t('installations.cards.issueDone'));
          onClose();
        },
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('installations.cards.issueTitle', { number: card.number })} size={440} styles={{ title: { fontWeight: 600 } }}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <TextInput label={t('installations.cards.issuedOn')} inputMode="numeric" maxLength={10} value={issuedOn} onChange={(e) => setIssuedOn(e.currentTarget.value)} data-autofocus data-testid="card-issued-on" />
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t('installations.cards.issueHow')}
            </Text>
            <SegmentedControl value={how} onChange={(v) => setHow(v as CardIssueWay)} data={CARD_ISSUE_WAYS.map((w) => ({ value: w, label: t(`installations.cards.how.${w}`) }))} />
          </div>
          {issue.isError && (
            <Text size="sm" c="red" role="alert">
              {problemText(t, issue.error)}
            </Text>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('app.common.cancel')}
            </Button>
            <Button type="submit" loading={issue.isPending} data-testid="card-issue-save">
              {t('installations.cards.issue')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The unit page's cards: each printed card, when it went out and how, and whether its slip came back. */
export function CardLife({ unitId }: { unitId: number }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const cards = useApiQuery('cards:ofUnit', { unitId });
  const back = useApiMutation('cards:slipBack');
  const [issuing, setIssuing] = useState<WarrantyCardLife | null>(null);
  const day = (d: string) => formatDate(d, lang);
  return (
    <Paper withBorder p="md" data-testid="card-life">
      <Title order={3} fz="md" fw={600} mb="xs">
        {t('installations.cards.heading')}
      </Title>
      {cards.data && cards.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('installations.cards.empty')}
        </Text>
      ) : (
        <Table layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={160}>{t('installations.cards.columns.number')}</Table.Th>
              <Table.Th w={110}>{t('installations.cards.columns.printed')}</Table.Th>
              <Table.Th>{t('installations.cards.columns.issued')}</Table.Th>
              <Table.Th>{t('installations.cards.columns.slip')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(cards.data ?? []).map((c) => (
              <Table.Tr key={c.documentId} data-testid={`card-${c.number}`}>
                <Table.Td ff="monospace">{c.number}</Table.Td>
                <Table.Td>{day(localDay(c.printedAt))}</Table.Td>
                <Table.Td>
                  {c.issuedOn ? (
                    t('installations.cards.issued', { date: day(c.issuedOn), how: c.issuedHow ? t(`installations.cards.how.${c.issuedHow}`) : '' })
                  ) : (
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" c="orange">
                        {t('installations.cards.notIssued')}
                      </Text>
                      <Button size="compact-xs" variant="light" leftSection={<IconSend size={12} />} onClick={() => setIssuing(c)} data-testid="card-issue">
                        {t('installations.cards.issue')}
                      </Button>
                    </Group>
                  )}
                </Table.Td>
                <Table.Td>
                  {c.slipBackOn ? (
                    <Text size="sm" c="green">
                      {t('installations.cards.slipBack', { date: day(c.slipBackOn) })}
                    </Text>
                  ) : c.issuedOn ? (
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" c="dimmed">
                        {t('installations.cards.slipOut')}
                      </Text>
                      <Button
                        size="compact-xs"
                        variant="light"
                        leftSection={<IconMailbox size={12} />}
                        loading={back.isPending}
                        onClick={() => back.mutate({ documentId: c.documentId, returnedOn: null }, { onSuccess: () => notifyDone(t('installations.cards.backDone')), onError: (e) => notifyError(t, e) })}
                      >
                        {t('installations.cards.markBack')}
                      </Button>
                    </Group>
                  ) : (
                    ''
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {issuing && <IssueDialog card={issuing} onClose={() => setIssuing(null)} />}
    </Paper>
  );
}
