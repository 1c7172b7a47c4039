import { Anchor, Button, Group, Popover, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '../../../../shared/domain/dates';
import { formatDate } from '../../../../shared/format';
import type { TicketDetail, TicketPart } from '../../../../shared/schemas/ticket';
import { useApiMutation } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { tidyDate } from '../../lib/dates';
import { fieldErrorTexts } from '../../lib/errorText';
import { notifyDone, notifyError } from '../../lib/notify';

/**
 * The day a part was fitted, under its name: the day of the work unless the clerk set it. Until
 * the ticket is resolved a part not set says it will take the completion day. A repair over two
 * visits sets the day the part went in; the part's own cover counts from it.
 */
export function FittedDay({ ticket, part, editable }: { ticket: TicketDetail; part: TicketPart; editable: boolean }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState(part.fittedOn);
  const [error, setError] = useState<string | null>(null);
  const save = useApiMutation('tickets:setPartFitted');
  const pending = ticket.resolvedAt === null && !part.fittedSet;
  const label = pending ? t('tickets.parts.fittedPending') : t('tickets.parts.fittedOn', { date: formatDate(part.fittedOn, lang) });

  const submit = () => {
    const day = tidyDate(typed);
    if (!isIsoDate(day)) {
      setError(t('validation.date'));
      return;
    }
    save.mutate(
      { id: ticket.id, ticketPartId: part.id, fittedOn: day },
      {
        onSuccess: () => {
          setOpen(false);
          setError(null);
          notifyDone(t('tickets.parts.fittedSaved', { name: part.name, date: formatDate(day, lang) }));
        },
        onError: (err) => {
          const field = fieldErrorTexts(t, err).fittedOn;
          if (field) setError(field);
          else notifyError(t, err);
        },
      },
    );
  };

  if (!editable) {
    return (
      <Text size="xs" c="dimmed" data-testid="part-fitted">
        {label}
      </Text>
    );
  }
  return (
    <Popover
      opened={open}
      onChange={setOpen}
      position="bottom-start"
      withArrow
      trapFocus
      onOpen={() => {
        setTyped(part.fittedOn);
        setError(null);
      }}
    >
      <Popover.Target>
        <Anchor component="button" type="button" size="xs" onClick={() => setOpen((o) => !o)} aria-label={t('tickets.parts.setFitted', { label, name: part.name })} data-testid="part-fitted">
          {label}
        </Anchor>
      </Popover.Target>
      <Popover.Dropdown>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <TextInput
            label={t('tickets.parts.fittedLabel')}
            description={t('tickets.parts.fittedHint')}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            error={error}
            w={260}
            data-autofocus
          />
          <Group justify="flex-end" mt="xs">
            <Button size="compact-sm" type="submit" loading={save.isPending}>
              {t('app.common.save')}
            </Button>
          </Group>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
