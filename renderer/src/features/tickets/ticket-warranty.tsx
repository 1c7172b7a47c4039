import { Alert, Button, Group, Input, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { explanationText } from '../../../../shared/domain/warranty-explain';
import { SANBAO_PATHS, sanbaoPathInput, warrantyOverrideInput, type SanbaoPath, type TicketDetail } from '../../../../shared/schemas/ticket';
import { EXCLUSION_REASONS } from '../../../../shared/schemas/unit';
import { useApiMutation } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { FormModal } from '../../ui/FormModal';
import { schemaValidator, showServerFieldErrors } from '../../lib/formValidation';
import { notifyDone, notifyError } from '../../lib/notify';
import { WarrantyBadge } from '../../ui/WarrantyBadge';
import { WarrantyDecisionBadge } from './badges';
import { Panel, stamp } from './ticket-common';
import { isWorkEditable } from '../../../../shared/domain/ticket-status';
import { SettleTicketActions } from '../settle';

interface OverrideValues {
  decision: 'in' | 'out';
  exclusionReason: string | null;
  note: string;
}

function OverrideForm({ ticket, onClose }: { ticket: TicketDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useApiMutation('tickets:overrideWarranty');
  const toInput = (v: OverrideValues) => ({
    id: ticket.id,
    inWarranty: v.decision === 'in',
    // An exclusion reason explains "out of warranty" only.
    exclusionReason: v.decision === 'out' ? (v.exclusionReason as (typeof EXCLUSION_REASONS)[number] | null) : null,
    note: v.note,
  });
  const form = useForm<OverrideValues>({
    initialValues: { decision: ticket.warranty.inWarranty ? 'out' : 'in', exclusionReason: null, note: '' },
    validate: schemaValidator<OverrideValues>(warrantyOverrideInput, t, toInput),
  });
  const handleSubmit = form.onSubmit((values) =>
    save.mutate(toInput(values), {
      onSuccess: (saved) => {
        notifyDone(t('tickets.warranty.overridden', { decision: t(saved.warranty.inWarranty ? 'ticketing.warranty.in' : 'ticketing.warranty.out') }));
        onClose();
      },
      onError: (err) => {
        if (!showServerFieldErrors(form, ['inWarranty', 'exclusionReason', 'note'], t, err)) notifyError(t, err);
      },
    }),
  );
  return (
    <FormModal opened onClose={onClose} title={t('tickets.warranty.overrideTitle')} onSubmit={handleSubmit} saving={save.isPending} size={520}>
      <Text size="sm" c="dimmed">
        {t('tickets.warranty.overrideHint')}
      </Text>
      <Input.Wrapper label={t('tickets.warranty.decision')}>
        <div>
          <SegmentedControl
            aria-label={t('tickets.warranty.decision')}
            value={form.values.decision}
            onChange={(v) => form.setFieldValue('decision', v as 'in' | 'out')}
            data={[
              { value: 'in', label: t('ticketing.warranty.in') },
              { value: 'out', label: t('ticketing.warranty.out') },
            ]}
          />
        </div>
      </Input.Wrapper>
      {form.values.decision === 'out' && (
        <Select
          label={t('tickets.warranty.exclusionReason')}
          clearable
          data-autofocus
          data={EXCLUSION_REASONS.map((r) => ({ value: r, label: t(`exclusionReason.${r}`) }))}
          {...form.getInputProps('exclusionReason')}
        />
      )}
      <Textarea label={t('tickets.warranty.note')} autosize minRows={2} maxRows={4} {...form.getInputProps('note')} />
    </FormModal>
  );
}

function SanbaoForm({ ticket, path, onClose }: { ticket: TicketDetail; path: SanbaoPath; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useApiMutation('tickets:sanbaoPath');
  const toInput = (v: { note: string }) => ({ id: ticket.id, path, note: v.note });
  const form = useForm({ initialValues: { note: '' }, validate: schemaValidator<{ note: string }>(sanbaoPathInput, t, toInput) });
  const handleSubmit = form.onSubmit((values) =>
    save.mutate(toInput(values), {
      onSuccess: () => {
        notifyDone(t('tickets.sanbao.recorded', { path: t(`ticketing.sanbaoPath.${path}`) }));
        onClose();
      },
      onError: (err) => {
        if (!showServerFieldErrors(form, ['note'], t, err)) notifyError(t, err);
      },
    }),
  );
  return (
    <FormModal opened onClose={onClose} title={t('tickets.sanbao.confirmTitle', { path: t(`ticketing.sanbaoPath.${path}`) })} onSubmit={handleSubmit} saving={save.isPending} size={480}>
      <Text size="sm" c="dimmed">
        {t('tickets.sanbao.confirmHint')}
      </Text>
      <Textarea label={t('tickets.sanbao.note')} autosize minRows={2} maxRows={4} data-autofocus {...form.getInputProps('note')} />
    </FormModal>
  );
}

/** The warranty decision for this repair: the engine's reasons, the desk's override, and 三包. */
export function WarrantyPanel({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [overriding, setOverriding] = useState(false);
  const [path, setPath] = useState<SanbaoPath | null>(null);
  const { warranty } = ticket;
  const editable = isWorkEditable(ticket.status);
  const override = warranty.override;
  return (
    <Panel
      title={t('tickets.warranty.title')}
      icon={<IconShieldCheck size={16} stroke={1.6} />}
      testId="ticket-warranty"
      actions={
        <>
          <WarrantyDecisionBadge inWarranty={warranty.inWarranty} />
          {editable && (
            <Button size="compact-sm" variant="light" color="orange" onClick={() => setOverriding(true)}>
              {t('tickets.warranty.override')}
            </Button>
          )}
        </>
      }
    >
      <Group gap={6} mb={2}>
        <Text size="sm" c="dimmed">
          {t('tickets.warranty.engine')}
        </Text>
        <WarrantyBadge state={warranty.engineSummary} />
      </Group>
      <Stack gap={0} data-testid="warranty-reasons">
        {warranty.reasons.map((line, i) => (
          <Text key={i} size="xs" c="dimmed" lh={1.5}>
            {explanationText(t, lang, line)}
          </Text>
        ))}
      </Stack>
      {override && (
        <Alert mt={6} p={8} color="orange" variant="light" data-testid="warranty-override">
          <Text size="sm" fw={600}>
            {t('tickets.warranty.overriddenTo', { decision: t(override.inWarranty ? 'ticketing.warranty.in' : 'ticketing.warranty.out') })}
          </Text>
          {override.exclusionReason && <Text size="sm">{t(`exclusionReason.${override.exclusionReason}`)}</Text>}
          {override.note && <Text size="sm">{override.note}</Text>}
          <Text size="xs" c="dimmed">
            {stamp(t, lang, override.who, override.at)}
          </Text>
        </Alert>
      )}
      {ticket.sanbao.length > 0 && (
        <Alert mt={8} p={8} color="red" variant="light" icon={<IconAlertTriangle size={16} />} title={t('tickets.sanbao.title')} data-testid="ticket-sanbao">
          <Stack gap={6}>
            {ticket.sanbao.map((signal, i) => (
              <div key={i}>
                <Text size="sm" fw={600}>
                  {t(`app.unit.sanbaoKind.${signal.kind}`)}
                </Text>
                {signal.reasons.map((line, j) => (
                  <Text key={j} size="xs" lh={1.5}>
                    {explanationText(t, lang, line)}
                  </Text>
                ))}
              </div>
            ))}
            {ticket.sanbaoPath ? (
              <Text size="sm" data-testid="sanbao-path">
                {t('tickets.sanbao.chosen', { path: t(`ticketing.sanbaoPath.${ticket.sanbaoPath.path}`) })}
                {ticket.sanbaoPath.note ? ` · ${ticket.sanbaoPath.note}` : ''}
                <Text span size="xs" c="dimmed" ml={6}>
                  {stamp(t, lang, ticket.sanbaoPath.who, ticket.sanbaoPath.at)}
                </Text>
              </Text>
            ) : (
              <Text size="xs">{t('tickets.sanbao.choose')}</Text>
            )}
            {editable && (
              <Group gap={6}>
                {SANBAO_PATHS.map((p) => (
                  <Button key={p} size="compact-xs" variant={ticket.sanbaoPath?.path === p ? 'filled' : 'default'} onClick={() => setPath(p)}>
                    {t(`ticketing.sanbaoPath.${p}`)}
                  </Button>
                ))}
              </Group>
            )}
          </Stack>
        </Alert>
      )}
      <SettleTicketActions ticket={ticket} />
      {overriding && <OverrideForm ticket={ticket} onClose={() => setOverriding(false)} />}
      {path && <SanbaoForm ticket={ticket} path={path} onClose={() => setPath(null)} />}
    </Panel>
  );
}
