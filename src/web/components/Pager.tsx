import { Pagination } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The page number from the address (?page=N), 1 when absent or not a number. */
export const pageFromParams = (params: URLSearchParams): number =>
  Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);

/** Writes a page number into the address, leaving page 1 implicit. */
export function writePage(params: URLSearchParams, page: number): void {
  if (page > 1) params.set('page', String(page));
  else params.delete('page');
}

/** An accessible pager for a paged list; shows nothing when everything fits on one page. */
export function Pager({
  total,
  pageSize,
  page,
  onChange,
}: {
  total: number;
  pageSize: number;
  page: number;
  onChange: (page: number) => void;
}) {
  const { t } = useTranslation();
  if (total <= pageSize) return null;
  return (
    <nav aria-label={t('common.pagination')}>
      <Pagination
        total={Math.ceil(total / pageSize)}
        value={page}
        onChange={onChange}
        getItemProps={(p) => ({ 'aria-label': t('common.pageN', { page: p }) })}
        getControlProps={(control) => ({ 'aria-label': t(`common.pager.${control}`) })}
      />
    </nav>
  );
}
