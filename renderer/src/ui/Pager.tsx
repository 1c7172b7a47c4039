import { Pagination, type PaginationProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A long list's pages. Mantine's arrows are icons without a name, so a screen reader announced
 * them as bare buttons (axe: button-name); each says which page it goes to.
 */
export function Pager(props: Omit<PaginationProps, 'getControlProps'>) {
  const { t } = useTranslation();
  return <Pagination size="sm" {...props} getControlProps={(control) => ({ 'aria-label': t(`app.pager.${control}`) })} />;
}
