import { NumberInput, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpareLevel } from '../../../../shared/schemas/settle';
import { useApiMutation, useApiQuery } from '../../api/client';
import { notifyDone, notifyError } from '../../lib/notify';
import { FormModal } from '../../ui/FormModal';

/** The seed's own figure (seed 004: 不少于服务总量 3%), offered for a new rule. */
const DEFAULT_PCT = 3;

/**
 * A part held as a share of one model's units in service: which part, which model, what share.
 * The part is looked up as the clerk types (a desk may keep thousands); the count the share asks
 * for is shown before saving, rounded up as the stock list and the Desk count it.
 */
export function SpareShareModal({ editing, onClose }: { editing: SpareLevel | null; onClose: () => void }) {
  const { t } = useTranslation();
  const k = (key: string, options?: Record<string, unknown>) => t(`settle.screen.spares.set.${key}`, options ?? {});
  const [part, setPart] = useState<{ value: string; label: string } | null>(editing ? { value: String(editing.partId), label: `${editing.partNumber} ${editing.name}` } : null);
  const [search, setSearch] = useState(part?.label ?? '');
  const [query] = useDebouncedValue(search.trim(), 150);
  const [modelId, setModelId] = useState<string | null>(editing ? String(editing.modelId) : null);
  const [pct, setPct] = useState<number>(editing?.sharePct ?? DEFAULT_PCT);
  // While the box still shows the chosen part, every part is offered again (not only that one).
  const parts = useApiQuery('parts:list', { query: part && query === part.label ? '' : query, limit: 50 }, { enabled: !editing, placeholderData: (previous) => previous });
  const models = useApiQuery('makers:models', {});
  const save = useApiMutation('spares:setShare');
  const partOptions = (parts.data ?? []).filter((p) => p.active).map((p) => ({ value: String(p.id), label: `${p.partNumber} ${p.name}` }));
  if (part && !partOptions.some((o) => o.value === part.value)) partOptions.unshift(part);
  const model = (models.data ?? []).find((m) => String(m.id) === modelId);
  const required = model ? Math.ceil((model.unitsInService * pct) / 100) : null;
  const submit = () =>
    save.mutate(
      { partId: Number(part?.value ?? 0), modelId: modelId === null ? null : Number(modelId), sharePct: pct },
      { onSuccess: () => (notifyDone(k('saved', { part: part?.label ?? '' })), onClose()), onError: (e) => notifyError(t, e) },
    );
  return (
    <FormModal opened onClose={onClose} title={editing ? k('editTitle', { part: `${editing.partNumber} ${editing.name}` }) : k('title')} onSubmit={(e) => (e?.preventDefault(), submit())} saving={save.isPending} size={560}>
      <Stack gap="sm">
        <Select
          label={k('part')}
          placeholder={k('partPlaceholder')}
          searchable
          disabled={editing !== null}
          data={partOptions}
          value={part?.value ?? null}
          searchValue={search}
          onSearchChange={setSearch}
          // The list is already the server's answer to what was typed.
          filter={({ options }) => options}
          onChange={(v, option) => setPart(v && option ? { value: v, label: option.label } : null)}
          nothingFoundMessage={k('noPart')}
          data-autofocus={editing ? undefined : true}
          data-testid="spare-share-part"
        />
        <Select
          label={k('model')}
          searchable
          data={(models.data ?? []).map((m) => ({ value: String(m.id), label: t('settle.screen.spares.set.modelOption', { model: `${m.brand} ${m.model}`, n: m.unitsInService }) }))}
          value={modelId}
          onChange={setModelId}
          data-autofocus={editing ? true : undefined}
          data-testid="spare-share-model"
        />
        <NumberInput label={k('share')} description={k('shareHint')} w={200} min={1} max={100} suffix="%" allowDecimal={false} value={pct} onChange={(v) => setPct(Number(v) || 0)} data-testid="spare-share-pct" />
        {required !== null && model && (
          <Text size="sm" data-testid="spare-share-required">
            {k('required', { units: model.unitsInService, pct, n: required })}
          </Text>
        )}
      </Stack>
    </FormModal>
  );
}
