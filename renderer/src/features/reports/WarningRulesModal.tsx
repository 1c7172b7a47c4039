import { Button, Group, Modal, NumberInput, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WarningSettings } from '../../../../shared/schemas/reports';
import { useApiMutation } from '../../api/client';
import { notifyDone, notifyError } from '../../lib/notify';

/** The owner's early-warning rules: the repeat window, the rate line, the rise, the fewest failures. */
export function WarningRulesModal({ rules, onClose }: { rules: WarningSettings; onClose: () => void }) {
  const { t } = useTranslation();
  const [window, setWindow] = useState(rules.repeatWindowDays);
  const [rate, setRate] = useState(rules.rateThresholdX100 / 100);
  const [rise, setRise] = useState(rules.risePercent);
  const [min, setMin] = useState(rules.minFailures);
  const save = useApiMutation('reports:configure');
  const k = (key: string) => t(`reports.warnings.settings.${key}`);
  const num = (v: string | number, fallback: number) => (typeof v === 'number' ? v : fallback);
  return (
    <Modal opened onClose={onClose} title={k('title')} styles={{ title: { fontWeight: 600 } }}>
      <Stack gap="sm">
        <NumberInput label={k('repeatWindowDays')} description={k('repeatWindowHint')} value={window} min={1} max={365} allowDecimal={false} onChange={(v) => setWindow(num(v, window))} data-testid="rule-window" />
        <NumberInput label={k('rateThreshold')} value={rate} min={0.01} max={10000} decimalScale={2} onChange={(v) => setRate(num(v, rate))} data-testid="rule-rate" />
        <NumberInput label={k('risePercent')} value={rise} min={1} max={10000} allowDecimal={false} onChange={(v) => setRise(num(v, rise))} />
        <NumberInput label={k('minFailures')} value={min} min={1} max={1000} allowDecimal={false} onChange={(v) => setMin(num(v, min))} />
        <Group justify="flex-end">
          <Button
            loading={save.isPending}
            data-testid="rule-save"
            onClick={() =>
              save.mutate(
                { repeatWindowDays: window, rateThresholdX100: Math.round(rate * 100), risePercent: rise, minFailures: min },
                { onSuccess: () => (notifyDone(k('saved')), onClose()), onError: (e) => notifyError(t, e) },
              )
            }
          >
            {k('save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
