import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WarrantyState } from '../../../shared/domain/warranty';

/** The trade's colours: green covered, orange ending within 30 days, gray expired, blue not started. */
const COLORS: Record<WarrantyState, string> = {
  active: 'green',
  ending: 'orange',
  expired: 'gray',
  notStarted: 'blue',
};

export function WarrantyBadge({ state }: { state: WarrantyState }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[state]} variant="light" radius="sm" size="sm" tt="none" data-state={state} style={{ whiteSpace: 'nowrap' }}>
      {t(`warrantyState.${state}`)}
    </Badge>
  );
}
