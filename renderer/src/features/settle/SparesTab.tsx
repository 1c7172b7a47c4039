import { Badge, Button, Group, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettleSettings, SpareLevel } from '../../../../shared/schemas/settle';
import { useApiMutation, useApiQuery } from '../../api/client';
import { notifyDone, notifyError } from '../../lib/notify';
import { SpareShareModal } from './SpareShareModal';
import { usePaper } from './usePaper';

/** Spares held as a share of a model's units in service; the settling rules; the fee list to print. */
export function SparesTab() {
  const { t } = useTranslation();
  const levels = useApiQuery('spares:levels', {});
  const settings = useApiQuery('settle:settings', {});
  const save = useApiMutation('settle:setSettings');
  const fees = usePaper('documents:feeList');
  const setShare = useApiMutation('spares:setShare');
  // Null: closed; 'new': a part not yet held by share; a level: that part's rule.
  const [shareOf, setShareOf] = useState<SpareLevel | 'new' | null>(null);
  const stopShare = (s: SpareLevel) =>
    setShare.mutate({ partId: s.partId, modelId: null, sharePct: null }, { onSuccess: () => notifyDone(t('settle.screen.spares.set.stopped', { part: `${s.partNumber} ${s.name}` })), onError: (e) => notifyError(t, e) });
  const [rule, setRule] = useState<SettleSettings | null>(null);
  const current = rule ?? settings.data ?? null;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={3} fz="md">
          {t('settle.screen.spares.heading')}
        </Title>
        <Button variant="light" onClick={() => setShareOf('new')} data-testid="spares-set">
          {t('settle.screen.spares.set.button')}
        </Button>
      </Group>
      {levels.data && levels.data.length === 0 && <Text c="dimmed">{t('settle.screen.spares.empty')}</Text>}
      {levels.data && levels.data.length > 0 && (
        <Table striped data-testid="spares-table">
          <Table.Thead>
            <Table.Tr>
              {['part', 'model', 'inService', 'share', 'required', 'quantity'].map((k) => (
                <Table.Th key={k}>{t(`settle.screen.spares.columns.${k}`)}</Table.Th>
              ))}
              <Table.Th>{t('app.common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {levels.data.map((s) => (
              <Table.Tr key={s.partId}>
                <Table.Td fw={500}>
                  {s.partNumber} {s.name}
                </Table.Td>
                <Table.Td>
                  {s.modelName}
                  {s.discontinued && (
                    <Badge ml={6} color="gray" variant="light">
                      {t('settle.screen.spares.discontinued')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{s.unitsInService}</Table.Td>
                <Table.Td>{s.sharePct}%</Table.Td>
                <Table.Td>{s.required}</Table.Td>
                <Table.Td c={s.low ? 'red' : undefined} fw={s.low ? 600 : undefined}>
                  {s.quantity}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap" justify="flex-end">
                    <Button size="compact-xs" variant="subtle" onClick={() => setShareOf(s)} aria-label={`${t('settle.screen.spares.set.edit')} ${s.partNumber}`}>
                      {t('settle.screen.spares.set.edit')}
                    </Button>
                    <Button size="compact-xs" variant="subtle" color="gray" loading={setShare.isPending} onClick={() => stopShare(s)} aria-label={`${t('settle.screen.spares.set.stop')} ${s.partNumber}`}>
                      {t('settle.screen.spares.set.stop')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Title order={3} fz="md">
        {t('settle.screen.rules.heading')}
      </Title>
      {current && (
        <Group gap="xs" align="flex-end">
          <NumberInput
            label={t('settle.screen.rules.rate')}
            description={t('settle.screen.rules.rateHint')}
            value={current.depreciationBp / 100}
            decimalScale={2}
            step={0.05}
            min={0}
            max={100}
            suffix="%"
            onChange={(v) => setRule({ ...current, depreciationBp: Math.round(Number(v) * 100) })}
            w={220}
          />
          <NumberInput label={t('settle.screen.rules.answerDays')} value={current.feedbackAnswerDays} min={1} max={60} onChange={(v) => setRule({ ...current, feedbackAnswerDays: Number(v) || 1 })} w={220} />
          <NumberInput
            label={t('settle.screen.rules.reminderDays')}
            description={t('settle.screen.rules.reminderHint')}
            value={current.returnsReminderDays}
            min={0}
            max={28}
            onChange={(v) => setRule({ ...current, returnsReminderDays: Number(v) || 0 })}
            w={220}
            data-testid="rules-reminder-days"
          />
          <Button variant="light" loading={save.isPending} disabled={rule === null} onClick={() => rule && save.mutate(rule, { onSuccess: () => (notifyDone(t('settle.screen.rules.saved')), setRule(null)), onError: (e) => notifyError(t, e) })}>
            {t('settle.screen.rules.save')}
          </Button>
        </Group>
      )}
      <Title order={3} fz="md">
        {t('settle.screen.fees.heading')}
      </Title>
      <Group gap="xs">
        <Button variant="default" loading={fees.pending} onClick={() => fees.print({ copy: 'counter' })}>
          {t('settle.screen.fees.counter')}
        </Button>
        <Button variant="default" loading={fees.pending} onClick={() => fees.print({ copy: 'customer' })}>
          {t('settle.screen.fees.customer')}
        </Button>
      </Group>
      {fees.preview}
      {shareOf !== null && <SpareShareModal editing={shareOf === 'new' ? null : shareOf} onClose={() => setShareOf(null)} />}
    </Stack>
  );
}
