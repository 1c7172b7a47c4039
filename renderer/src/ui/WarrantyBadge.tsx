import { Badge, type MantineSize } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CoverageState } from '../../../shared/domain/warranty-types';

/**
 * The trade's colours: green covered, orange ending within 30 days, gray expired, red not
 * covered (an exclusion decided), blue not started, yellow when the dates to tell are missing.
 */
const COLORS: Record<CoverageState, string> = {
  active: 'green',
  ending: 'orange',
  expired: 'gray',
  notStarted: 'blue',
  excluded: 'red',
  unknown: 'yellow',
};

export function WarrantyBadge({ state, size = 'sm', title }: { state: CoverageState; size?: MantineSize; title?: string }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={COLORS[state]}
      variant="light"
      radius="sm"
      size={size}
      tt="none"
      data-state={state}
      title={title}
    >
      {t(`warrantyState.${state}`)}
    </Badge>
  );
}
