import { Checkbox, NumberInput, SimpleGrid, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAKER_FORMS, type Maker, type MakerForm } from '../../../../shared/schemas/settle-base';
import { useApiMutation } from '../../api/client';
import { notifyDone, notifyError } from '../../lib/notify';
import { FormModal } from '../../ui/FormModal';

/** Every detail of a maker: its contacts, the day its monthly returns are due, the forms it wants, or that it is no longer dealt with. */
export function MakerEditModal({ maker, onClose }: { maker: Maker; onClose: () => void }) {
  const { t } = useTranslation();
  const k = (key: string) => t(`makerReturns.screen.edit.${key}`);
  const { modelCount: _count, ...initial } = maker;
  const [draft, setDraft] = useState(initial);
  const update = useApiMutation('makers:update');
  const text = (field: 'name' | 'department' | 'contactName' | 'phone' | 'fax' | 'email' | 'address') => ({
    label: k(field),
    value: draft[field] ?? '',
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setDraft({ ...draft, [field]: e.currentTarget.value }),
  });
  const save = () =>
    update.mutate(draft, {
      onSuccess: (m) => (notifyDone(t('makerReturns.screen.edit.saved', { name: m.name })), onClose()),
      onError: (e) => notifyError(t, e),
    });
  return (
    <FormModal opened onClose={onClose} title={t('makerReturns.screen.edit.title', { name: maker.name })} onSubmit={(e) => (e?.preventDefault(), save())} saving={update.isPending} size={620}>
      <Stack gap="sm">
        <SimpleGrid cols={2} spacing="sm">
          <TextInput {...text('name')} data-autofocus data-testid="maker-edit-name" />
          <TextInput {...text('department')} />
          <TextInput {...text('contactName')} />
          <TextInput {...text('phone')} />
          <TextInput {...text('fax')} data-testid="maker-edit-fax" />
          <TextInput {...text('email')} />
        </SimpleGrid>
        <TextInput {...text('address')} />
        <NumberInput label={k('returnsDueDay')} w={160} min={1} max={28} value={draft.returnsDueDay} onChange={(v) => setDraft({ ...draft, returnsDueDay: Number(v) || 5 })} data-testid="maker-edit-due" />
        <Checkbox.Group label={k('forms')} value={draft.forms} onChange={(v) => setDraft({ ...draft, forms: MAKER_FORMS.filter((f) => v.includes(f)) as MakerForm[] })}>
          <SimpleGrid cols={2} spacing={6} mt={4}>
            {MAKER_FORMS.map((f) => (
              <Checkbox key={f} value={f} label={t(`makerReturns.forms.${f}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Textarea label={k('note')} value={draft.note ?? ''} onChange={(e) => setDraft({ ...draft, note: e.currentTarget.value })} autosize minRows={2} />
        <Switch label={k('archived')} checked={draft.archived} onChange={(e) => setDraft({ ...draft, archived: e.currentTarget.checked })} />
      </Stack>
    </FormModal>
  );
}
