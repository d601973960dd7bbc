/** Where to go after login or sign-up: `?retour=` when it is a path of this site, else « Mon compte ». */
export const defaultReturnPath = '/mon-compte';

/** Pages a user should not be sent back to once signed in. */
const authPaths = ['/connexion', '/inscription', '/mot-de-passe-oublie', '/mot-de-passe/nouveau'];

/** A same-origin path (« /x?y »), never « //host », « /\host » or a full URL: an open redirect would help phishing. */
export function safeReturnPath(value: string | null): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if (/[\u0000-\u001f\\]/.test(value)) return null;
  try {
    const url = new URL(value, window.location.origin);
    if (url.origin !== window.location.origin) return null;
    if (authPaths.includes(url.pathname)) return null;
    return url.pathname + url.search;
  } catch {
    return null;
  }
}

export function returnPathOf(query: URLSearchParams): string {
  return safeReturnPath(query.get('retour')) ?? defaultReturnPath;
}

/** `/connexion?retour=<where the user is>` (or `/inscription…`), keeping the way back through the auth pages. */
export function authLink(page: '/connexion' | '/inscription', returnTo: string | null): string {
  const back = safeReturnPath(returnTo);
  return back ? `${page}?${new URLSearchParams({ retour: back }).toString()}` : page;
}
