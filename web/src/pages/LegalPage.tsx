/** /conditions-generales and /protection-des-donnees: the texts the sign-up consents link to (A1). */
import type { MessageKey } from '../../../src/platform/i18n/web-catalogue.ts';
import { usePageTitle } from '../hooks.ts';
import { useI18n } from '../i18n.tsx';

const texts: Record<'terms' | 'privacy', { title: MessageKey; paragraphs: MessageKey[] }> = {
  terms: {
    title: 'web.accounts.legal.terms.title',
    paragraphs: ['web.accounts.legal.terms.p1', 'web.accounts.legal.terms.p2', 'web.accounts.legal.terms.p3', 'web.accounts.legal.terms.p4'],
  },
  privacy: {
    title: 'web.accounts.legal.privacy.title',
    paragraphs: ['web.accounts.legal.privacy.p1', 'web.accounts.legal.privacy.p2', 'web.accounts.legal.privacy.p3', 'web.accounts.legal.privacy.p4'],
  },
};

export function LegalPage({ kind }: { kind: 'terms' | 'privacy' }) {
  const { t } = useI18n();
  const { title, paragraphs } = texts[kind];
  usePageTitle(t(title));
  return (
    <div className="page-narrow legal-page">
      <h1 tabIndex={-1}>{t(title)}</h1>
      {paragraphs.map((key) => <p key={key}>{t(key)}</p>)}
    </div>
  );
}
