import { Badge, Button, Group, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../../shared/domain/dates';
import type { Maker } from '../../../../shared/schemas/settle-base';
import { useApiMutation, useApiQuery } from '../../api/client';
import { notifyDone, notifyError } from '../../lib/notify';
import { QueryState } from '../../ui/QueryState';
import { MakerEditModal } from './MakerEditModal';

/** Makers (a brand's service department) and which of them each model is claimed from; discontinued models and what replaces them. */
export function MakersTab() {
  const { t } = useTranslation();
  const makers = useApiQuery('makers:list', {});
  const models = useApiQuery('makers:models', {});
  const create = useApiMutation('makers:create');
  const setMaker = useApiMutation('makers:setModelMaker');
  const discontinue = useApiMutation('makers:discontinueModel');
  const [draft, setDraft] = useState({ name: '', contactName: '', fax: '', returnsDueDay: 5 });
  const [editing, setEditing] = useState<Maker | null>(null);
  const fail = { onError: (e: unknown) => notifyError(t, e) };
  const makerOptions = (makers.data ?? []).map((m) => ({ value: String(m.id), label: m.name }));
  return (
    <Stack gap="md">
      <Group gap="xs" align="flex-end">
        <TextInput label={t('settle.screen.makers.name')} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })} w={240} data-testid="maker-name" />
        <TextInput label={t('settle.screen.makers.contact')} value={draft.contactName} onChange={(e) => setDraft({ ...draft, contactName: e.currentTarget.value })} w={120} />
        <TextInput label={t('settle.screen.makers.fax')} value={draft.fax} onChange={(e) => setDraft({ ...draft, fax: e.currentTarget.value })} w={150} />
        <NumberInput label={t('settle.screen.makers.dueDay')} value={draft.returnsDueDay} min={1} max={28} onChange={(v) => setDraft({ ...draft, returnsDueDay: Number(v) || 5 })} w={140} />
        <Button
          loading={create.isPending}
          onClick={() =>
            create.mutate(draft, { onSuccess: (m) => (notifyDone(t('settle.screen.makers.created', { name: m.name })), setDraft({ name: '', contactName: '', fax: '', returnsDueDay: 5 })), ...fail })
          }
        >
          {t('settle.screen.makers.add')}
        </Button>
      </Group>
      <QueryState isPending={makers.isPending} error={makers.error} />
      {makers.data && (
        <Table striped data-testid="makers-table">
          <Table.Thead>
            <Table.Tr>
              {['name', 'contact', 'fax', 'dueDay', 'models'].map((k) => (
                <Table.Th key={k}>{t(`settle.screen.makers.${k}`)}</Table.Th>
              ))}
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {makers.data.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td fw={500}>{m.name}</Table.Td>
                <Table.Td>{m.contactName ?? '—'}</Table.Td>
                <Table.Td>{m.fax ?? m.phone ?? '—'}</Table.Td>
                <Table.Td>{t('settle.screen.makers.dueDayValue', { day: m.returnsDueDay })}</Table.Td>
                <Table.Td>{m.modelCount}</Table.Td>
                <Table.Td>
                  <Button size="compact-xs" variant="default" onClick={() => setEditing(m)} data-testid="maker-edit">
                    {t('makerReturns.screen.edit.open')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Title order={3} fz="md">
        {t('settle.screen.makers.modelsHeading')}
      </Title>
      {models.data && models.data.length === 0 && <Text c="dimmed">{t('settle.screen.makers.noModels')}</Text>}
      {models.data && models.data.length > 0 && (
        <Table striped data-testid="settle-models">
          <Table.Thead>
            <Table.Tr>
              {['model', 'maker', 'inService', 'discontinued'].map((k) => (
                <Table.Th key={k}>{t(`settle.screen.makers.modelColumns.${k}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {models.data.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td fw={500}>
                  {m.brand} {m.model}
                </Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    w={220}
                    clearable
                    aria-label={t('settle.screen.makers.modelColumns.maker')}
                    data={makerOptions}
                    value={m.makerId === null ? null : String(m.makerId)}
                    onChange={(v) => setMaker.mutate({ modelId: m.id, makerId: v === null ? null : Number(v) }, fail)}
                  />
                </Table.Td>
                <Table.Td>{m.unitsInService}</Table.Td>
                <Table.Td>
                  {m.discontinuedOn ? (
                    <Group gap={6}>
                      <Badge color="gray" variant="light">
                        {t('settle.screen.makers.discontinuedOn', { day: m.discontinuedOn, replacement: m.replacementName ?? '—' })}
                      </Badge>
                      <Button size="compact-xs" variant="subtle" onClick={() => discontinue.mutate({ modelId: m.id, discontinuedOn: null }, fail)}>
                        {t('settle.screen.makers.backInProduction')}
                      </Button>
                    </Group>
                  ) : (
                    <Select
                      size="xs"
                      w={260}
                      placeholder={t('settle.screen.makers.discontinueWith')}
                      aria-label={t('settle.screen.makers.discontinueWith')}
                      data={models.data.filter((o) => o.id !== m.id && !o.discontinuedOn).map((o) => ({ value: String(o.id), label: `${o.brand} ${o.model}` }))}
                      value={null}
                      onChange={(v) => v && discontinue.mutate({ modelId: m.id, discontinuedOn: todayIso(), replacementModelId: Number(v) }, fail)}
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && <MakerEditModal maker={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
