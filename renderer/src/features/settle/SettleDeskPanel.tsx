import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/client';
import { navigate } from '../../app/router';

/** On the Desk: claims not sent, claims waiting for the maker, old parts due back, feedback overdue, spares below their share, makers' monthly returns due. Nothing when all is settled. */
export function SettleDeskPanel() {
  const { t } = useTranslation();
  const desk = useApiQuery('settle:desk', {});
  if (!desk.data) return null;
  const d = desk.data;
  const items = [
    { key: 'claimsNotSent', count: d.claimsNotSent.length, detail: d.claimsNotSent.map((c) => c.number).join('、') },
    { key: 'claimsWaiting', count: d.claimsWaiting.length, detail: d.claimsWaiting.map((c) => `${c.number}（${c.sentOn}）`).join('、') },
    { key: 'partsDueBack', count: d.partsDueBack.length, detail: d.partsDueBack.map((l) => `${l.partName} · ${l.serial}`).join('、') },
    { key: 'feedbackOverdue', count: d.feedbackOverdue.length, detail: d.feedbackOverdue.map((f) => `${f.number} · ${f.makerName}（${f.dueOn}）`).join('、') },
    { key: 'sparesLow', count: d.sparesLow.length, detail: d.sparesLow.map((s) => `${s.partNumber} ${s.quantity}/${s.required}`).join('、') },
    { key: 'returnsDue', count: d.returnsDue.length, detail: d.returnsDue.map((r) => `${r.makerName} ${r.month}（${r.dueOn}）`).join('、'), late: d.returnsDue.some((r) => r.daysLeft < 0) },
  ].filter((i) => i.count > 0);
  if (items.length === 0) return null;
  return (
    <Paper withBorder p="sm" data-testid="settle-desk">
      <Group justify="space-between" mb={4}>
        <Text fw={600}>{t('settle.screen.desk.title')}</Text>
        <Anchor size="sm" onClick={() => navigate({ section: 'settle' })}>
          {t('settle.screen.desk.open')}
        </Anchor>
      </Group>
      <Stack gap={4}>
        {items.map((i) => (
          <Group key={i.key} gap="xs" wrap="nowrap">
            <Badge color={i.key === 'feedbackOverdue' || ('late' in i && i.late) ? 'red' : 'orange'} variant="light" miw={28}>
              {i.count}
            </Badge>
            <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
              {t(`settle.screen.desk.${i.key}`)}
            </Text>
            <Text size="sm" c="dimmed" lineClamp={1}>
              {i.detail}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
