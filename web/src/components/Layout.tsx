/**
 * The page around every screen: a skip link, the header with the navigation, the notice, the
 * main region and a footer. Printing keeps the notice and the main region only.
 */
import { useEffect, type MouseEvent, type ReactNode } from 'react';
import { canWrite, type Session } from '../session.js';
import { href } from '../router.js';
import { Notice } from './Notice.js';

function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
  // The address's hash is the route; moving focus must not change it.
  event.preventDefault();
  document.getElementById('main')?.focus();
}

export interface LayoutProps {
  /** Null on the sign-in page. */
  readonly session: Session | null;
  /** Which navigation entry is the current page. */
  readonly current?: 'registry' | 'new' | undefined;
  readonly children: ReactNode;
}

export function Layout({ session, current, children }: LayoutProps) {
  return (
    <>
      <a className="skip-link" href="#main" onClick={skipToMain}>Skip to main content</a>
      <header className="site-header">
        <div className="site-header-inner">
          <a className="brand" href={href('/')} aria-label="allpath, the case registry">
            <span className="brand-mark" aria-hidden="true">◆</span> allpath
          </a>
          {session === null ? null : (
            <nav aria-label="Main">
              <ul className="nav-list">
                <li><a href={href('/')} aria-current={current === 'registry' ? 'page' : undefined}>Registry</a></li>
                {canWrite(session.me.role) ? (
                  <li><a href={href('/cases/new')} aria-current={current === 'new' ? 'page' : undefined}>New case</a></li>
                ) : null}
              </ul>
              <div className="user">
                <span className="user-name">{session.me.username} <span className="muted">({session.me.role})</span></span>
                <button type="button" className="button-quiet" onClick={() => void session.signOut()}>Sign out</button>
              </div>
            </nav>
          )}
        </div>
        <div className="notice-bar">
          <Notice />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>
          allpath: decision support for adults with acute lymphoblastic leukemia. Every recommendation cites its
          source; the treating team weighs every option.
        </p>
      </footer>
    </>
  );
}

/** Sets the window title: the screen's name, then allpath. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · allpath`;
  }, [title]);
}
