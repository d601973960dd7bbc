/**
 * The header's account entry: « Se connecter » (coming back here afterwards) for visitors; for a signed-in user a
 * disclosure button with their name opening « Mon compte », « Mes proches » and « Déconnexion ».
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { ApiError, logOut, type AccountView } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import { Link, navigate, useLocation } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { authLink } from './returnPath.ts';

export function AccountNav() {
  const { t } = useI18n();
  const { status, account } = useSession();
  const { path, query } = useLocation();
  if (status === 'loading') return null;
  if (!account) {
    const here = query.size ? `${path}?${query.toString()}` : path;
    return (
      <Link to={authLink('/connexion', path === '/' ? null : here)} aria-current={path === '/connexion' ? 'page' : undefined}
        className="login-link">
        {t('web.accounts.nav.login')}
      </Link>
    );
  }
  return <AccountMenu account={account} />;
}

/** « Marie Dupont », else the email (identity is optional). */
export function holderName(account: AccountView): string {
  const name = [account.identity.firstName, account.identity.lastName].filter(Boolean).join(' ');
  return name || account.email;
}

function AccountMenu({ account }: { account: AccountView }) {
  const { t, lang } = useI18n();
  const session = useSession();
  const { path } = useLocation();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const listId = useId();

  // Following a link closes the menu.
  useEffect(() => setOpen(false), [path]);

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent | FocusEvent) => {
      if (rootRef.current && event.target instanceof Node && !rootRef.current.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    document.addEventListener('focusin', closeOutside);
    return () => {
      document.removeEventListener('pointerdown', closeOutside);
      document.removeEventListener('focusin', closeOutside);
    };
  }, [open]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      setOpen(false);
      buttonRef.current?.focus();
    }
  };

  const logout = async () => {
    try {
      await logOut(lang);
    } catch (error) {
      // 401: the session had already ended, which is what the user wants.
      if (!(error instanceof ApiError && error.status === 401)) {
        session.announce({ key: 'web.error.network', path });
        return;
      }
    }
    // Leave the page first: a signed-out account page would send the user to the login page with a way back.
    session.announce({ key: 'web.accounts.notice.logged_out', path: '/' });
    navigate('/');
    session.clear();
  };

  return (
    <div className="account-menu" ref={rootRef} onKeyDown={onKeyDown}>
      <button ref={buttonRef} type="button" className="account-menu-button" aria-expanded={open} aria-controls={listId}
        onClick={() => setOpen((value) => !value)}>
        <span className="account-menu-avatar" aria-hidden="true">{holderName(account).charAt(0).toUpperCase()}</span>
        <span className="account-menu-name">{holderName(account)}</span>
        <span className="sr-only"> – {t('web.accounts.nav.menu')}</span>
      </button>
      <ul id={listId} className="account-menu-list" hidden={!open}>
        <li>
          <Link to="/mon-compte" aria-current={path === '/mon-compte' ? 'page' : undefined}>{t('web.accounts.nav.account')}</Link>
        </li>
        <li>
          <Link to="/mon-compte/proches" aria-current={path === '/mon-compte/proches' ? 'page' : undefined}>
            {t('web.accounts.nav.relatives')}
          </Link>
        </li>
        <li>
          <button type="button" className="link-button" onClick={() => void logout()}>{t('web.accounts.nav.logout')}</button>
        </li>
      </ul>
    </div>
  );
}
