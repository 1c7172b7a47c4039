import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Region } from '../../../../shared/schemas/customer';

const COLORS: Record<Region, string> = { urban: 'blue', suburban: 'teal', other: 'gray' };

/** The region sets on-site deadlines, so it sits next to the name where the desk looks. */
export function RegionBadge({ region }: { region: Region }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="outline" color={COLORS[region]} tt="none" radius="sm" data-region={region} style={{ whiteSpace: 'nowrap' }}>
      {t(`region.${region}`)}
    </Badge>
  );
}
