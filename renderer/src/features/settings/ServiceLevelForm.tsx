import { Group, Switch, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { STANDARD_TERMS, type ServiceLevelTerms } from '../../../../shared/domain/sla';
import { SEVERITIES } from '../../../../shared/domain/ticket-status';
import { REGIONS } from '../../../../shared/schemas/customer';
import { serviceLevelCreateInput, type ServiceLevel } from '../../../../shared/schemas/service';
import { useApiMutation } from '../../api/client';
import { FormModal } from '../../ui/FormModal';
import { schemaValidator, showServerFieldErrors } from '../../lib/formValidation';
import { notifyDone, notifyError } from '../../lib/notify';
import { DurationInput, durationOut, type FormDuration } from './DurationInput';
import { serviceLevelName } from '../../../../shared/domain/service-levels';

const TARGETS = ['answer', 'arrival', 'fix'] as const;

type FormTerms = {
  targets: Record<(typeof REGIONS)[number], Record<(typeof SEVERITIES)[number], Record<(typeof TARGETS)[number], FormDuration>>>;
  loaner: FormDuration;
};

interface Values {
  name: string;
  isDefault: boolean;
  terms: FormTerms;
}

function toInput(values: Values) {
  const targets = structuredClone(STANDARD_TERMS.targets);
  for (const r of REGIONS) {
    for (const s of SEVERITIES) {
      const typed = values.terms.targets[r][s];
      targets[r][s] = { answer: durationOut(typed.answer), arrival: durationOut(typed.arrival), fix: durationOut(typed.fix) };
    }
  }
  const terms: ServiceLevelTerms = { targets, loaner: durationOut(values.terms.loaner) };
  return { name: values.name, isDefault: values.isDefault, terms };
}

function LevelForm({ level, onClose }: { level: ServiceLevel | null; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useApiMutation('serviceLevels:create');
  const update = useApiMutation('serviceLevels:update');
  const form = useForm<Values>({
    // A new level starts from the seeds' standard promises: the desk changes what differs.
    initialValues: { name: level?.name ?? '', isDefault: level?.isDefault ?? false, terms: structuredClone(level?.terms ?? STANDARD_TERMS) },
    validate: schemaValidator<Values>(serviceLevelCreateInput, t, toInput),
  });

  const submit = form.onSubmit((values) => {
    const input = toInput(values);
    const done = (saved: ServiceLevel) => {
      notifyDone(t('service.levels.saved', { name: saved.name }));
      onClose();
    };
    const onError = (err: unknown) => {
      if (!showServerFieldErrors(form, (path) => /^(name|isDefault|terms)(\.|$)/.test(path), t, err)) notifyError(t, err);
    };
    if (level) update.mutate({ id: level.id, ...input }, { onSuccess: done, onError });
    else create.mutate(input, { onSuccess: done, onError });
  });

  // The one default can only be handed over, so its switch is locked on.
  const lockedDefault = level?.isDefault === true;
  return (
    <FormModal
      opened
      onClose={onClose}
      size={860}
      title={level ? t('service.levels.editTitle', { name: serviceLevelName(level.name, t) }) : t('service.levels.createTitle')}
      onSubmit={submit}
      saving={create.isPending || update.isPending}
    >
      <Group align="flex-start" gap="lg">
        <TextInput w={280} label={t('service.levels.name')} withAsterisk data-autofocus {...form.getInputProps('name')} />
        <Switch
          mt={30}
          label={t('service.levels.isDefault')}
          description={lockedDefault ? t('service.levels.defaultLocked') : t('service.levels.defaultHint')}
          disabled={lockedDefault}
          {...form.getInputProps('isDefault', { type: 'checkbox' })}
        />
      </Group>
      <Table withTableBorder withColumnBorders verticalSpacing={4} horizontalSpacing="xs" data-testid="level-grid">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>{t('service.levels.region')}</Table.Th>
            <Table.Th w={130}>{t('service.levels.severity')}</Table.Th>
            {TARGETS.map((k) => (
              <Table.Th key={k}>
                <Text size="sm" fw={600}>
                  {t(`ticketing.milestone.${k}`)}
                </Text>
                <Text size="xs" c="dimmed" fw={400}>
                  {t(`service.levels.targetHint.${k}`)}
                </Text>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {REGIONS.map((r) =>
            SEVERITIES.map((s, i) => (
              <Table.Tr key={`${r}.${s}`}>
                {i === 0 && (
                  <Table.Td rowSpan={SEVERITIES.length} fw={600}>
                    {t(`ticketing.region.${r}`)}
                  </Table.Td>
                )}
                <Table.Td>
                  <Text size="sm">{t(`ticketing.severity.${s}`)}</Text>
                </Table.Td>
                {TARGETS.map((k) => (
                  <Table.Td key={k}>
                    <DurationInput
                      compact
                      form={form}
                      path={`terms.targets.${r}.${s}.${k}`}
                      label={t('service.levels.cellLabel', { region: t(`ticketing.region.${r}`), severity: t(`ticketing.severity.${s}`), target: t(`ticketing.milestone.${k}`) })}
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
            )),
          )}
        </Table.Tbody>
      </Table>
      <Group gap="sm" align="center">
        <Text size="sm" fw={500}>
          {t('service.levels.loaner')}
        </Text>
        <DurationInput compact form={form} path="terms.loaner" label={t('service.levels.loaner')} />
        <Text size="xs" c="dimmed">
          {t('service.levels.loanerHint')}
        </Text>
      </Group>
    </FormModal>
  );
}

/** New service level, or changes to one: mounted fresh each time it opens. */
export function ServiceLevelFormModal({ opened, level, onClose }: { opened: boolean; level: ServiceLevel | null; onClose: () => void }) {
  return opened ? <LevelForm level={level} onClose={onClose} /> : null;
}
