import { ActionIcon, Alert, Badge, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconCalendarQuestion, IconInfoCircle, IconPlus, IconRestore, IconX } from '@tabler/icons-react';
import { useState, type FocusEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { daysBetween, isIsoDate, weekday } from '../../../../shared/domain/dates';
import { calendarYearInput, type CalendarYearView } from '../../../../shared/schemas/service';
import { useApiMutation } from '../../api/client';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { SaveButton } from '../../ui/FormModal';
import { tidyDate } from '../../lib/dates';
import { formatDate } from '../../../../shared/format';
import { currentLanguage } from '../../app/i18n';
import { errorText } from '../../lib/errorText';
import { schemaValidator, showServerFieldErrors } from '../../lib/formValidation';
import { notifyDone, notifyError } from '../../lib/notify';

interface Values {
  holidays: { name: string; en: string; from: string; to: string }[];
  workdays: string[];
}

const MAX_HOLIDAYS = 30;
const MAX_WORKDAYS = 20;

/** The field paths the backend names (`holidays.1.from`, `workdays.0`) are the form's own. */
const isYearField = (path: string) => /^(holidays|workdays)(\.|$)/.test(path);

function HolidayDays({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation();
  const [a, b] = [tidyDate(from), tidyDate(to)];
  if (!isIsoDate(a) || !isIsoDate(b) || b < a) return null;
  return (
    <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
      {t('service.calendar.days', { count: daysBetween(a, b) + 1 })}
    </Text>
  );
}

type Holidays = CalendarYearView['holidays'];

/** What a year not entered uses meanwhile: the holidays the law fixes, each marked provisional. */
function ProvisionalHolidays({ year, holidays }: { year: number; holidays: Holidays }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <Alert variant="light" color="orange" icon={<IconCalendarQuestion size={18} />} py={8} title={t('service.calendar.provisionalTitle', { year })} data-testid="provisional-holidays">
      <Text size="sm" mb={6}>
        {t('service.calendar.provisionalText', { year })}
      </Text>
      <Table verticalSpacing={2} horizontalSpacing="sm" fz="sm" w="auto">
        <Table.Tbody>
          {holidays.map((h) => (
            <Table.Tr key={h.from}>
              <Table.Td>{lang === 'en' ? h.en : h.name}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{h.from === h.to ? formatDate(h.from, lang) : `${formatDate(h.from, lang)} – ${formatDate(h.to, lang)}`}</Table.Td>
              <Table.Td>
                <HolidayDays from={h.from} to={h.to} />
              </Table.Td>
              <Table.Td>
                <Badge size="xs" variant="outline" color="orange" radius="sm" tt="none">
                  {t('warranty.term.provisionalMark')}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Alert>
  );
}

/** One year's schedule as the State Council notice lists it: the holidays, then the swapped working weekends. */
export function CalendarYearForm({ year, entry, provisional, shipped, picker }: { year: number; entry: CalendarYearView | null; provisional: Holidays | null; shipped: boolean; picker: ReactNode }) {
  const { t } = useTranslation();
  const save = useApiMutation('calendar:saveYear');
  const reset = useApiMutation('calendar:resetYear');
  const [confirming, setConfirming] = useState(false);
  const toInput = (v: Values) => ({
    year,
    holidays: v.holidays.map((h) => ({ ...h, from: tidyDate(h.from), to: tidyDate(h.to) })),
    workdays: v.workdays.map(tidyDate),
  });
  const form = useForm<Values>({
    initialValues: { holidays: entry?.holidays.map((h) => ({ ...h })) ?? [], workdays: entry ? [...entry.workdays] : [] },
    validate: schemaValidator<Values>(calendarYearInput, t, toInput),
  });

  const submit = form.onSubmit((values) =>
    save.mutate(toInput(values), {
      onSuccess: () => {
        form.resetDirty();
        notifyDone(t('service.calendar.saved', { year }));
      },
      onError: (err) => {
        showServerFieldErrors(form, isYearField, t, err);
        notifyError(t, err);
      },
    }),
  );
  const tidy = (path: string) => (event: FocusEvent<HTMLInputElement>) => form.setFieldValue(path, tidyDate(event.currentTarget.value));
  const weekdayOf = (typed: string) => {
    const day = tidyDate(typed);
    return isIsoDate(day) ? t(`service.calendar.weekday.${weekday(day)}`) : '';
  };

  return (
    <form noValidate onSubmit={submit} onKeyDown={getHotkeyHandler([['mod+S', () => submit()]])}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          {picker}
          <Group gap="sm">
            {entry?.source === 'edited' && (
              <Button variant="default" leftSection={<IconRestore size={16} />} onClick={() => setConfirming(true)}>
                {shipped ? t('service.calendar.reset') : t('service.calendar.remove')}
              </Button>
            )}
            <SaveButton loading={save.isPending} />
          </Group>
        </Group>
        {!entry && provisional && <ProvisionalHolidays year={year} holidays={provisional} />}
        {!entry && (
          <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />} py={8}>
            <Text size="sm">{t('service.calendar.emptyYear', { year })}</Text>
          </Alert>
        )}
        <Group justify="space-between" align="flex-end">
          <Title order={4} fz="sm" fw={600}>
            {t('service.calendar.holidays')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('service.calendar.dateHint')}
          </Text>
        </Group>
        <Table withTableBorder verticalSpacing={3} data-testid="holidays">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={220}>{t('service.calendar.holidayName')}</Table.Th>
              <Table.Th>{t('service.calendar.holidayEn')}</Table.Th>
              <Table.Th w={150}>{t('service.calendar.from')}</Table.Th>
              <Table.Th w={150}>{t('service.calendar.to')}</Table.Th>
              <Table.Th w={60} />
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {form.values.holidays.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={6}>
                  <Text size="sm" c="dimmed">
                    {t('service.calendar.noHolidays')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {form.values.holidays.map((h, i) => (
              <Table.Tr key={i} data-testid="holiday-row">
                <Table.Td>
                  <TextInput size="xs" aria-label={t('service.calendar.holidayNameN', { n: i + 1 })} {...form.getInputProps(`holidays.${i}.name`)} />
                </Table.Td>
                <Table.Td>
                  <TextInput size="xs" aria-label={t('service.calendar.holidayEnN', { n: i + 1 })} {...form.getInputProps(`holidays.${i}.en`)} />
                </Table.Td>
                <Table.Td>
                  <TextInput size="xs" placeholder={t('service.calendar.datePlaceholder')} aria-label={t('service.calendar.fromN', { n: i + 1 })} {...form.getInputProps(`holidays.${i}.from`)} onBlur={tidy(`holidays.${i}.from`)} />
                </Table.Td>
                <Table.Td>
                  <TextInput size="xs" placeholder={t('service.calendar.datePlaceholder')} aria-label={t('service.calendar.toN', { n: i + 1 })} {...form.getInputProps(`holidays.${i}.to`)} onBlur={tidy(`holidays.${i}.to`)} />
                </Table.Td>
                <Table.Td>
                  <HolidayDays from={h.from} to={h.to} />
                </Table.Td>
                <Table.Td>
                  <ActionIcon variant="subtle" color="gray" aria-label={t('service.calendar.removeHoliday', { n: i + 1 })} onClick={() => form.removeListItem('holidays', i)}>
                    <IconX size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group>
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconPlus size={14} />}
            disabled={form.values.holidays.length >= MAX_HOLIDAYS}
            onClick={() => form.insertListItem('holidays', { name: '', en: '', from: '', to: '' })}
          >
            {t('service.calendar.addHoliday')}
          </Button>
        </Group>

        <Title order={4} fz="sm" fw={600} mt="xs">
          {t('service.calendar.workdays')}
        </Title>
        <Text size="xs" c="dimmed" mt={-8}>
          {t('service.calendar.workdaysHint')}
        </Text>
        <Group gap="sm" align="flex-start">
          {form.values.workdays.map((day, i) => (
            <Group key={i} gap={4} wrap="nowrap" align="flex-start" data-testid="workday">
              <TextInput
                w={170}
                size="xs"
                placeholder={t('service.calendar.datePlaceholder')}
                aria-label={t('service.calendar.workdayN', { n: i + 1 })}
                rightSection={<Text size="xs" c="dimmed">{weekdayOf(day)}</Text>}
                rightSectionWidth={44}
                {...form.getInputProps(`workdays.${i}`)}
                onBlur={tidy(`workdays.${i}`)}
              />
              <ActionIcon mt={2} variant="subtle" color="gray" aria-label={t('service.calendar.removeWorkday', { n: i + 1 })} onClick={() => form.removeListItem('workdays', i)}>
                <IconX size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Button variant="subtle" size="compact-sm" mt={3} leftSection={<IconPlus size={14} />} disabled={form.values.workdays.length >= MAX_WORKDAYS} onClick={() => form.insertListItem('workdays', '')}>
            {t('service.calendar.addWorkday')}
          </Button>
        </Group>

      </Stack>
      <ConfirmModal
        opened={confirming}
        title={shipped ? t('service.calendar.resetTitle', { year }) : t('service.calendar.removeTitle', { year })}
        confirmLabel={shipped ? t('service.calendar.reset') : t('service.calendar.remove')}
        loading={reset.isPending}
        error={reset.error ? errorText(t, reset.error) : null}
        onClose={() => {
          setConfirming(false);
          reset.reset();
        }}
        onConfirm={() =>
          reset.mutate(
            { year },
            {
              onSuccess: () => {
                setConfirming(false);
                notifyDone(t(shipped ? 'service.calendar.resetDone' : 'service.calendar.removed', { year }));
              },
            },
          )
        }
      >
        {shipped ? t('service.calendar.resetText', { year }) : t('service.calendar.removeText', { year })}
      </ConfirmModal>
    </form>
  );
}
