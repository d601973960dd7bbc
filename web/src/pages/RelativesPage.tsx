/** /mon-compte/proches (A7): the account's relatives; add, edit, remove (their appointments stay). */
import { useEffect, useRef, useState } from 'react';
import { ApiError, listRelatives, removeRelative, type Relative } from '../api.ts';
import { ConfirmDialog } from '../components/account/ConfirmDialog.tsx';
import { RelativeCard } from '../components/account/RelativeCard.tsx';
import { RelativeForm } from '../components/account/RelativeForm.tsx';
import { RequireAccount } from '../components/account/RequireAccount.tsx';
import { SectionStatus } from '../components/account/SectionStatus.tsx';
import { useSubmission } from '../components/account/useSubmission.ts';
import { usePageTitle } from '../hooks.ts';
import { useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';

export function RelativesPage() {
  const { t } = useI18n();
  usePageTitle(t('web.accounts.relatives.title'));
  return (
    <RequireAccount>
      {() => (
        <div className="account-page relatives-page">
          <h1 tabIndex={-1}>{t('web.accounts.relatives.title')}</h1>
          <p className="lead">{t('web.accounts.relatives.lead')}</p>
          <nav className="account-subnav" aria-label={t('web.accounts.account.title')}>
            <Link to="/mon-compte">{t('web.accounts.nav.account')}</Link>
            <Link to="/mon-compte/proches" aria-current="page">{t('web.accounts.nav.relatives')}</Link>
          </nav>
          <Relatives />
        </div>
      )}
    </RequireAccount>
  );
}

type Editing = { kind: 'none' } | { kind: 'add' } | { kind: 'edit'; relative: Relative };

function fullName(relative: Relative): string {
  return `${relative.firstName} ${relative.lastName}`;
}

function Relatives() {
  const { t, lang } = useI18n();
  const session = useSession();
  const [relatives, setRelatives] = useState<Relative[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [removing, setRemoving] = useState<Relative | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  /** The relative whose « Modifier » gets the focus back after an edit is cancelled. */
  const [cancelledEdit, setCancelledEdit] = useState<string | null>(null);
  const removal = useSubmission({ signedIn: true });
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const listHeadingRef = useRef<HTMLHeadingElement>(null);
  /** Bumped when the list's heading should take the focus: runs after the dialog's own effect has closed it. */
  const [focusList, setFocusList] = useState(0);

  useEffect(() => {
    if (focusList > 0) listHeadingRef.current?.focus();
  }, [focusList]);

  useEffect(() => {
    const controller = new AbortController();
    listRelatives(lang, controller.signal)
      .then((answer) => setRelatives(answer.relatives))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) {
          session.announce({ key: 'web.accounts.error.session', path: '/connexion' });
          session.clear();
        } else setLoadError(error instanceof ApiError ? error.message : t('web.error.network'));
      });
    return () => controller.abort();
    // Loaded once; later changes come back from the API answers.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const saved = (relative: Relative, added: boolean) => {
    setRelatives((list) => {
      const others = (list ?? []).filter((r) => r.id !== relative.id);
      return added ? [...others, relative] : (list ?? []).map((r) => (r.id === relative.id ? relative : r));
    });
    setEditing({ kind: 'none' });
    setStatus(t(added ? 'web.accounts.relatives.added' : 'web.accounts.relatives.updated', { name: fullName(relative) }));
    setFocusList((n) => n + 1);
  };

  const confirmRemoval = () => {
    const relative = removing;
    if (!relative) return;
    void removal.submit([], async () => {
      await removeRelative(relative.id, lang);
      setRelatives((list) => (list ?? []).filter((r) => r.id !== relative.id));
      setRemoving(null);
      setStatus(t('web.accounts.relatives.deleted', { name: fullName(relative) }));
      // The card (and the button that opened the dialog) is gone: the list heading takes the focus.
      setFocusList((n) => n + 1);
    });
  };

  const startAdding = () => {
    setStatus(null);
    setEditing({ kind: 'add' });
  };

  return (
    <>
      <SectionStatus message={status} />
      <section aria-labelledby="relatives-list-title" className="relatives-list-section">
        <h2 id="relatives-list-title" ref={listHeadingRef} tabIndex={-1}>{t('web.accounts.relatives.list')}</h2>
        {loadError ? <p role="alert" className="field-error">{loadError}</p> : null}
        {relatives === null && !loadError ? <p>{t('web.accounts.loading')}</p> : null}
        {relatives && relatives.length === 0 ? <p className="empty-state">{t('web.accounts.relatives.empty')}</p> : null}
        {relatives && relatives.length > 0 ? (
          <ul className="relatives-list">
            {relatives.map((relative) => (
              <li key={relative.id}>
                {editing.kind === 'edit' && editing.relative.id === relative.id ? (
                  <RelativeForm relative={relative} onSaved={(r) => saved(r, false)} onCancel={() => {
                    setEditing({ kind: 'none' });
                    setCancelledEdit(relative.id);
                  }} />
                ) : (
                  <RelativeCard relative={relative} focusEdit={cancelledEdit === relative.id}
                    onEdit={() => { setStatus(null); setCancelledEdit(null); setEditing({ kind: 'edit', relative }); }}
                    onRemove={() => { setStatus(null); removal.reset(); setRemoving(relative); }} />
                )}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      {editing.kind === 'add' ? (
        <RelativeForm relative={null} onSaved={(r) => saved(r, true)} onCancel={() => {
          setEditing({ kind: 'none' });
          window.setTimeout(() => addButtonRef.current?.focus());
        }} />
      ) : (
        <p><button ref={addButtonRef} type="button" className="button button-primary" onClick={startAdding} disabled={relatives === null}>
          {t('web.accounts.relatives.add')}
        </button></p>
      )}
      <ConfirmDialog open={removing !== null}
        title={removing ? t('web.accounts.relatives.dialog.title', { name: fullName(removing) }) : ''}
        text={t('web.accounts.relatives.dialog.text')}
        confirmLabel={t('web.accounts.relatives.delete')}
        onConfirm={confirmRemoval} onClose={() => setRemoving(null)} submission={removal} />
    </>
  );
}
