import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * "暂定" beside a date moved off a holiday the calendar only counted from the law (a year whose
 * schedule is not published or not entered yet): the date may change once it is. The reason
 * lines say why; the mark keeps it in sight where only the date is shown.
 */
export function ProvisionalMark({ show = true }: { show?: boolean }) {
  const { t } = useTranslation();
  if (!show) return null;
  return (
    <Badge component="span" ml={6} size="xs" variant="outline" color="orange" radius="sm" tt="none" style={{ verticalAlign: 'middle' }} data-testid="provisional">
      {t('warranty.term.provisionalMark')}
    </Badge>
  );
}
