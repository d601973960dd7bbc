/** /mon-compte (A6): identity, address, contact details, password, sessions and account deletion. */
import { AddressSection, IdentitySection } from '../components/account/ProfileSections.tsx';
import { ContactSection } from '../components/account/ContactSection.tsx';
import { RequireAccount } from '../components/account/RequireAccount.tsx';
import { DeleteSection, DevicesSection, PasswordSection } from '../components/account/SecuritySections.tsx';
import { usePageTitle } from '../hooks.ts';
import { useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';

export function AccountPage() {
  const { t } = useI18n();
  usePageTitle(t('web.accounts.account.title'));
  return (
    <RequireAccount>
      {(account) => (
        <div className="account-page account-settings">
          <h1 tabIndex={-1}>{t('web.accounts.account.title')}</h1>
          <p className="lead">{t('web.accounts.account.lead')}</p>
          <nav className="account-subnav" aria-label={t('web.accounts.account.title')}>
            <Link to="/mon-compte" aria-current="page">{t('web.accounts.nav.account')}</Link>
            <Link to="/mon-compte/proches">{t('web.accounts.nav.relatives')}</Link>
          </nav>
          <div className="account-grid">
            <IdentitySection account={account} />
            <AddressSection account={account} />
            <ContactSection account={account} />
            <PasswordSection />
            <DevicesSection />
            <DeleteSection />
          </div>
        </div>
      )}
    </RequireAccount>
  );
}
