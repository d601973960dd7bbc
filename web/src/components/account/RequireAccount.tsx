/** Account pages: wait for the session, send a signed-out visitor to /connexion?retour=<this page>. */
import { useEffect, type ReactNode } from 'react';
import type { AccountView } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import { navigate, useLocation } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { authLink } from './returnPath.ts';

export function RequireAccount({ children }: { children: (account: AccountView) => ReactNode }) {
  const { t } = useI18n();
  const { status, account } = useSession();
  const { path, query } = useLocation();
  const here = query.size ? `${path}?${query.toString()}` : path;

  useEffect(() => {
    if (status === 'ready' && !account) navigate(authLink('/connexion', here), { replace: true });
  }, [status, account, here]);

  if (!account) {
    return (
      <div className="page-narrow">
        <h1 tabIndex={-1}>{t('web.accounts.loading')}</h1>
      </div>
    );
  }
  return <>{children(account)}</>;
}
