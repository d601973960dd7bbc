/** Links to the previous and next pages of results (plain links: shareable, Back works; each opens at the top, like a new page). */
import { useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';

interface PaginationProps {
  page: number;
  pageCount: number;
  hrefOf: (page: number) => string;
}

export function Pagination({ page, pageCount, hrefOf }: PaginationProps) {
  const { t } = useI18n();
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('web.pagination.label')}>
      {page > 1 ? <Link to={hrefOf(page - 1)} rel="prev" newPage><span aria-hidden="true">‹ </span>{t('web.pagination.previous')}</Link> : <span />}
      <span className="pagination-position">{t('web.pagination.position', { page, pageCount })}</span>
      {page < pageCount ? <Link to={hrefOf(page + 1)} rel="next" newPage>{t('web.pagination.next')}<span aria-hidden="true"> ›</span></Link> : <span />}
    </nav>
  );
}
