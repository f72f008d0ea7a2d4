/**
 * Hash routing, small enough to read: the route is the part of the address after `#`
 * (`#/cases/demo-0001/report?version=2`), so the server serves one page and a reload or a shared
 * link opens the same screen.
 */
import { useSyncExternalStore } from 'react';

export const CASE_PAGES = ['whatif', 'edit', 'history', 'patient', 'report'] as const;
export type CasePage = (typeof CASE_PAGES)[number];

export type Route =
  | { readonly name: 'login'; readonly next: string | undefined }
  | { readonly name: 'registry'; readonly query: URLSearchParams }
  | { readonly name: 'new' }
  | { readonly name: 'case'; readonly id: string; readonly version: number | undefined }
  | { readonly name: CasePage; readonly id: string; readonly version: number | undefined }
  | { readonly name: 'not-found'; readonly path: string };

function versionOf(query: URLSearchParams): number | undefined {
  const v = Number(query.get('version'));
  return Number.isInteger(v) && v >= 1 ? v : undefined;
}

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** The route a hash names. */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [pathPart = '/', queryPart = ''] = raw.split('?', 2);
  const path = pathPart.startsWith('/') ? pathPart : `/${pathPart}`;
  const query = new URLSearchParams(queryPart);
  const parts = path.split('/').filter((p) => p !== '');
  if (parts.length === 0) return { name: 'registry', query };
  if (parts[0] === 'login' && parts.length === 1) return { name: 'login', next: query.get('next') ?? undefined };
  if (parts[0] === 'cases' && parts.length >= 2) {
    if (parts[1] === 'new' && parts.length === 2) return { name: 'new' };
    const id = decode(parts[1] ?? '');
    if (id === undefined || id === '') return { name: 'not-found', path };
    const version = versionOf(query);
    if (parts.length === 2) return { name: 'case', id, version };
    const page = CASE_PAGES.find((p) => p === parts[2]);
    if (page !== undefined && parts.length === 3) return { name: page, id, version };
  }
  return { name: 'not-found', path };
}

/** The path (for `#` links and {@link navigate}) of a case, or one of its pages. */
export function casePath(id: string, page?: CasePage, version?: number): string {
  const base = `/cases/${encodeURIComponent(id)}${page === undefined ? '' : `/${page}`}`;
  return version === undefined ? base : `${base}?version=${version}`;
}

/** The href of a path: `#/cases/x`. */
export const href = (path: string): string => `#${path}`;

/** The path of the current address, with its query, for returning to it after sign-in. */
export const currentPath = (): string => window.location.hash.replace(/^#/, '') || '/';

/** Goes to `path`; with `replace`, without a new history entry (redirects). */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  const target = href(path);
  if (window.location.hash === target) return;
  if (options.replace === true) {
    window.history.replaceState(window.history.state, '', target);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = target;
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const snapshot = () => window.location.hash;

/** The current route; the component re-renders when the hash changes. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, snapshot);
  return parseHash(hash);
}

/** The registry's query string (filters, sort, page), kept in the hash. */
export function registryPath(query: URLSearchParams): string {
  const s = query.toString();
  return s === '' ? '/' : `/?${s}`;
}
