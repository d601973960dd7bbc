/** A tiny router on the History API: the current location as React state, links, and programmatic navigation. */
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

const changeEvent = 'creneau:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(changeEvent, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(changeEvent, onChange);
  };
}

function snapshot(): string {
  return window.location.pathname + window.location.search;
}

export interface Location {
  path: string;
  query: URLSearchParams;
}

/** The current path and query string; re-renders on navigation and on Back/Forward. */
export function useLocation(): Location {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, window.location.origin);
  return { path: url.pathname, query: url.searchParams };
}

export interface NavigateOptions {
  /** Keeps Back pointing where it did. */
  replace?: boolean;
  /**
   * Whether the user lands on a new page (scrolled to the top, focus on its heading). By default only when the path
   * changes: a filter that only rewrites the query string keeps the scroll position and the keyboard focus where they are.
   */
  newPage?: boolean;
}

/** Goes to `to` (a same-origin path with query). */
export function navigate(to: string, options: NavigateOptions = {}): void {
  if (to === snapshot()) return;
  const pathChanges = new URL(to, window.location.origin).pathname !== window.location.pathname;
  const newPage = !options.replace && (options.newPage ?? pathChanges);
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  if (newPage) window.scrollTo(0, 0);
  window.dispatchEvent(new Event(changeEvent));
  // A path change re-renders another page, which focuses its own heading (App); the same page keeps its heading.
  if (newPage && !pathChanges) document.querySelector<HTMLElement>('main h1')?.focus();
}

/** Builds `path?query` from the non-empty values of `params`. */
export function pathWithQuery(path: string, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) query.set(name, value);
  const qs = query.toString();
  return qs ? `${path}?${qs}` : path;
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string; newPage?: boolean };

/** An ordinary link (open in a new tab works) that navigates in place on a plain click. */
export function Link({ to, newPage, onClick, ...rest }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to, { newPage });
  };
  return <a href={to} onClick={handleClick} {...rest} />;
}
