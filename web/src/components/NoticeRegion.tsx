/**
 * The one-time notice of the last action (« Vous êtes déconnecté(e). »), shown on the page the action leads to: a
 * polite live region that is always present (so that filling it is announced), emptied once the user has left that page.
 * Used by the patient session and by the practitioner space's session alike.
 */
import { useEffect, useState } from 'react';
import type { MessageKey } from '../../../src/platform/i18n/web-catalogue.ts';
import { useI18n, type Params } from '../i18n.tsx';
import { useLocation } from '../router.tsx';

export interface Notice {
  key: MessageKey;
  params?: Params;
  /** The page it is shown on (the one the action leads to). */
  path: string;
}

export function NoticeRegion({ notice, announce }: { notice: Notice | null; announce: (notice: Notice | null) => void }) {
  const { t } = useI18n();
  const { path } = useLocation();
  const [seenOn, setSeenOn] = useState<string | null>(null);
  const visible = notice && notice.path === path;

  useEffect(() => {
    if (visible) setSeenOn(path);
    else if (notice && seenOn && seenOn !== path) {
      announce(null);
      setSeenOn(null);
    }
  }, [visible, notice, seenOn, path, announce]);

  return (
    <div role="status" className="session-notice-region">
      {visible ? <p className="session-notice">{t(notice.key, notice.params)}</p> : null}
    </div>
  );
}
