import { Alert, Badge, Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconBan, IconShieldCheck } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { explanationText, type Explanation } from '../../../../shared/domain/warranty-explain';
import type { WarrantyEvaluation } from '../../../../shared/domain/warranty-types';
import { formatDate } from '../../../../shared/format';
import type { Language } from '../../../../shared/i18n/languages';
import { currentLanguage } from '../../app/i18n';
import { ProvisionalMark } from '../../ui/ProvisionalMark';
import { WarrantyBadge } from '../../ui/WarrantyBadge';

const nowrap = { whiteSpace: 'nowrap' } as const;

function Lines({ lines, t, lang }: { lines: readonly Explanation[]; t: TFunction; lang: Language }) {
  if (lines.length === 0) return null;
  // Sentences explaining a term, not values: they wrap as prose (the layout check knows by data-prose).
  return (
    <Stack gap={0} data-prose>
      {lines.map((line, i) => (
        <Text key={i} size="xs" c="dimmed" lh={1.5}>
          {explanationText(t, lang, line)}
        </Text>
      ))}
    </Stack>
  );
}

const SCOPE_OR_NOTE = /^warranty\.exclusion\.(scopeUnit|scopeComponent|note)$/;

/**
 * The exclusions in force, each once: a whole-unit decision is repeated on every component's
 * lines, so blocks (the decision, its scope, its note) are collected and de-duplicated.
 */
export function exclusionBlocks(warranty: WarrantyEvaluation): Explanation[][] {
  const blocks = new Map<string, Explanation[]>();
  for (const component of warranty.components) {
    let block: Explanation[] | null = null;
    const flush = () => {
      if (block) blocks.set(JSON.stringify(block), block);
      block = null;
    };
    for (const line of component.reasons) {
      if (!line.key.startsWith('warranty.exclusion.')) continue;
      if (SCOPE_OR_NOTE.test(line.key) && block) block.push(line);
      else {
        flush();
        block = [line];
      }
    }
    flush();
  }
  return [...blocks.values()];
}

/** The engine's answer for today, with every line a person needs to read to see why. */
export function UnitWarranty({ warranty, onAddExclusion }: { warranty: WarrantyEvaluation; onAddExclusion: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const none = t('app.common.none');
  const { start } = warranty;
  const exclusions = exclusionBlocks(warranty);

  return (
    <Paper withBorder p="sm" data-testid="unit-warranty">
      <Group justify="space-between" mb={6}>
        <Group gap="sm">
          <IconShieldCheck size={18} stroke={1.6} />
          <Title order={3} fz="md" fw={600}>
            {t('app.unit.warranty')}
          </Title>
          <WarrantyBadge state={warranty.summary} />
        </Group>
        {warranty.extensionDays > 0 && (
          <Badge variant="light" color="blue" tt="none">
            {t('app.unit.extension', { days: warranty.extensionDays })}
          </Badge>
        )}
      </Group>

      <Group gap="xs" align="baseline" data-testid="warranty-start">
        <Text size="sm" c="dimmed">
          {t('app.unit.start')}
        </Text>
        <Text size="sm" fw={600}>
          {start.basis && start.date ? `${t(`warrantyBasis.${start.basis}`)} ${formatDate(start.date, lang)}` : t('app.unit.noStart')}
        </Text>
      </Group>
      <Lines lines={start.reasons} t={t} lang={lang} />
      {warranty.reasons.length > 0 && (
        <Stack gap={0} mt={4}>
          {warranty.reasons.map((line, i) => (
            <Text key={i} size="sm">
              {explanationText(t, lang, line)}
            </Text>
          ))}
        </Stack>
      )}

      {warranty.sanbao.length > 0 && (
        <Alert
          mt="sm"
          color="orange"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          title={t('app.unit.sanbao')}
          data-testid="sanbao"
        >
          <Stack gap={6}>
            {warranty.sanbao.map((signal, i) => (
              <div key={i}>
                <Text size="sm" fw={600}>
                  {t(`app.unit.sanbaoKind.${signal.kind}`)}
                </Text>
                <Lines lines={signal.reasons} t={t} lang={lang} />
              </div>
            ))}
          </Stack>
        </Alert>
      )}

      <Table mt="sm" withTableBorder verticalSpacing={4} data-testid="warranty-components">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('app.unit.components.name')}</Table.Th>
            <Table.Th style={nowrap}>{t('app.unit.components.months')}</Table.Th>
            <Table.Th style={nowrap}>{t('app.unit.components.start')}</Table.Th>
            <Table.Th style={nowrap}>{t('app.unit.components.end')}</Table.Th>
            <Table.Th style={nowrap}>{t('app.unit.components.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        {/* One body per component: its figures, then the lines that explain them across the full width. */}
        {warranty.components.map((c, i) => (
          <Table.Tbody key={c.key} data-component={c.key} bg={i % 2 === 0 ? undefined : 'gray.0'}>
            <Table.Tr style={{ borderBottom: 'none' }}>
              <Table.Td fw={i === 0 ? 600 : 500}>{c.name}</Table.Td>
              <Table.Td style={nowrap}>{t('months', { count: c.months })}</Table.Td>
              <Table.Td style={nowrap}>{c.start ? formatDate(c.start, lang) : none}</Table.Td>
              <Table.Td style={nowrap} fw={600}>
                {c.end ? formatDate(c.end, lang) : none}
                <ProvisionalMark show={c.provisional} />
              </Table.Td>
              <Table.Td style={nowrap}>
                <WarrantyBadge state={c.state} />
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Td colSpan={5} pt={0} pb={6} aria-label={t('app.unit.components.reasons')}>
                <Lines lines={c.reasons} t={t} lang={lang} />
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        ))}
      </Table>

      {warranty.parts.length > 0 && (
        <>
          <Text size="sm" fw={600} mt="sm" mb={4}>
            {t('app.unit.parts')}
          </Text>
          <Table withTableBorder verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('app.unit.partColumns.name')}</Table.Th>
                <Table.Th style={nowrap}>{t('app.unit.partColumns.fittedOn')}</Table.Th>
                <Table.Th style={nowrap}>{t('app.unit.partColumns.paid')}</Table.Th>
                <Table.Th style={nowrap}>{t('app.unit.partColumns.end')}</Table.Th>
                <Table.Th style={nowrap}>{t('app.unit.partColumns.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {warranty.parts.map((p, i) => (
                <Table.Tr key={i}>
                  <Table.Td>
                    {p.name}
                    <Lines lines={p.reasons} t={t} lang={lang} />
                  </Table.Td>
                  <Table.Td style={nowrap}>{formatDate(p.fittedOn, lang)}</Table.Td>
                  <Table.Td style={nowrap}>{t(p.paid ? 'app.unit.paid' : 'app.unit.free')}</Table.Td>
                  <Table.Td style={nowrap}>
                    {formatDate(p.end, lang)}
                    <ProvisionalMark show={p.provisional} />
                  </Table.Td>
                  <Table.Td>
                    <WarrantyBadge state={p.covered ? 'active' : 'expired'} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}

      <Group justify="space-between" mt="sm" mb={4}>
        <Group gap={6}>
          <IconBan size={16} stroke={1.6} />
          <Text size="sm" fw={600}>
            {t('app.unit.exclusions')}
          </Text>
        </Group>
        <Button size="compact-sm" variant="light" color="red" onClick={onAddExclusion}>
          {t('app.unit.addExclusion')}
        </Button>
      </Group>
      {exclusions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('app.unit.noExclusions')}
        </Text>
      ) : (
        <List size="sm" spacing={4} data-testid="exclusions">
          {exclusions.map((block, i) => (
            <List.Item key={i}>
              <Text size="sm">{explanationText(t, lang, block[0]!)}</Text>
              <Lines lines={block.slice(1)} t={t} lang={lang} />
            </List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}
