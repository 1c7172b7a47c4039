import { Alert, Anchor, Badge, Grid, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconScan } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/format';
import { useApiMutation, useApiQuery } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { useSettings } from '../../app/language';
import { navigate } from '../../app/router';
import { errorText } from '../../lib/errorText';
import { problemText } from './problem';

function Block({ id, title, count, children }: { id: string; title: string; count: number; children: ReactNode }) {
  return (
    <Stack gap={6} data-testid={`desk-${id}`}>
      <Group gap="xs">
        <Title order={3} fz="md" fw={600}>
          {title}
        </Title>
        {count > 0 && (
          <Badge size="sm" variant="default" radius="sm">
            {count}
          </Badge>
        )}
      </Group>
      {children}
    </Stack>
  );
}

function Quiet({ children }: { children: ReactNode }) {
  return (
    <Paper withBorder px="sm" py={8}>
      <Text size="sm" c="dimmed">
        {children}
      </Text>
    </Paper>
  );
}

/**
 * The return slip scanned back: a 2D scanner types the card number from the slip's QR code and
 * Enter into this box. A duplicate or unreadable code is refused here, where the clerk looks.
 */
function SlipScan() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const scan = useApiMutation('cards:scanSlip');
  const submit = () => {
    if (!text.trim() || scan.isPending) return;
    setDone(null);
    scan.mutate(
      { scanned: text, returnedOn: null },
      {
        onSuccess: (card) => {
          setDone(t('installations.desk.scanned', { number: card.number, serial: card.serial }));
          setText('');
        },
        // The code stays in the box, selected, so the next scan replaces it.
        onError: () => setText(''),
      },
    );
  };
  return (
    <Stack gap={4}>
      <TextInput
        size="xs"
        leftSection={<IconScan size={14} />}
        aria-label={t('installations.desk.scan')}
        placeholder={t('installations.desk.scanPlaceholder')}
        value={text}
        maxLength={200}
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            submit();
          }
        }}
        data-testid="slip-scan"
      />
      {scan.isError && (
        <Text size="sm" c="red" role="alert" data-testid="slip-scan-error">
          {problemText(t, scan.error)}
        </Text>
      )}
      {done && (
        <Text size="sm" c="green" role="status" data-testid="slip-scan-done">
          {done}
        </Text>
      )}
    </Stack>
  );
}

/** A row's link: a long name is clamped to two lines with its whole text in the title, so the row stays one glance high. */
const link = (onClick: () => void, text: string) => (
  <Anchor component="button" type="button" size="sm" onClick={onClick} lineClamp={2} title={text} style={{ textAlign: 'left', overflowWrap: 'anywhere' }}>
    {text}
  </Anchor>
);

/** On the Desk: installations whose customer is to be told, cards not issued in time, slips not back, and the box to scan slips into. */
export function InstallationDeskSections() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const desk = useApiQuery('installations:desk', {});
  const cardDays = useSettings().data?.installation.cardIssueDays ?? 30;
  if (desk.error) {
    return (
      <Alert color="red" variant="light">
        {errorText(t, desk.error)}
      </Alert>
    );
  }
  const d = desk.data;
  const day = (x: string) => formatDate(x, lang);
  return (
    <Grid gap="md">
      <Grid.Col span={4}>
        <Block id="installation-notices" title={t('installations.desk.notices')} count={d?.noticesDue.length ?? 0}>
          {d &&
            (d.noticesDue.length === 0 ? (
              <Quiet>{t('installations.desk.noticesEmpty')}</Quiet>
            ) : (
              <Table withTableBorder layout="fixed">
                <Table.Tbody>
                  {d.noticesDue.map((i) => (
                    <Table.Tr key={i.id}>
                      <Table.Td>
                        {link(() => navigate({ section: 'installation', id: i.id }), i.customerName)}
                        <Text size="xs" c="dimmed">
                          {t('installations.desk.noticeLine', { date: day(i.appointmentOn), count: i.unitCount })}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ))}
        </Block>
      </Grid.Col>
      <Grid.Col span={4}>
        <Block id="cards-not-issued" title={t('installations.desk.cardsNotIssued')} count={d?.cardsNotIssued.length ?? 0}>
          {d &&
            (d.cardsNotIssued.length === 0 ? (
              <Quiet>{t('installations.desk.cardsNotIssuedEmpty', { days: cardDays })}</Quiet>
            ) : (
              <Table withTableBorder layout="fixed">
                <Table.Tbody>
                  {d.cardsNotIssued.slice(0, 8).map((c) => (
                    <Table.Tr key={c.unitId}>
                      <Table.Td>
                        {link(() => navigate({ section: 'unit', id: c.unitId }), `${c.customerName} · ${c.serial}`)}
                        <Text size="xs" c="dimmed">
                          {`${c.label} · ${day(c.completedOn)}`}
                        </Text>
                      </Table.Td>
                      <Table.Td w={80} ta="right">
                        <Text size="sm" c="orange">
                          {t('installations.desk.daysSince', { count: c.daysSince })}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ))}
        </Block>
      </Grid.Col>
      <Grid.Col span={4}>
        <Block id="slips-not-back" title={t('installations.desk.slipsNotBack')} count={d?.slipsNotBack.length ?? 0}>
          <SlipScan />
          {d &&
            (d.slipsNotBack.length === 0 ? (
              <Quiet>{t('installations.desk.slipsNotBackEmpty')}</Quiet>
            ) : (
              <Table withTableBorder layout="fixed">
                <Table.Tbody>
                  {d.slipsNotBack.slice(0, 8).map((c) => (
                    <Table.Tr key={c.documentId}>
                      <Table.Td>
                        {link(() => navigate({ section: 'unit', id: c.unitId }), `${c.customerName} · ${c.serial}`)}
                        <Text size="xs" c="dimmed" ff="monospace">
                          {c.number}
                        </Text>
                      </Table.Td>
                      <Table.Td w={110} ta="right">
                        <Text size="xs">{c.issuedOn ? t('installations.desk.issuedOn', { date: day(c.issuedOn) }) : ''}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ))}
        </Block>
      </Grid.Col>
    </Grid>
  );
}
