/**
 * The app shell: finds out who is signed in, sends everyone else to the sign-in page (and back
 * where they were going afterwards), loads the cited documents once, and picks the screen for the
 * address's hash.
 */
import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, whenUnauthorized, type Me, type Sources } from './api.js';
import { Loading } from './components/Feedback.js';
import { Layout, useTitle } from './components/Layout.js';
import { ScreenBoundary } from './components/ScreenBoundary.js';
import { Login } from './screens/Login.js';
import { Registry } from './screens/Registry.js';
import { SessionContext, type Session } from './session.js';
import { currentPath, href, navigate, useRoute, type Route } from './router.js';

// The case screens load on first use: the chart library and the case form stay out of the first page.
const CaseView = lazy(() => import('./screens/CaseView.js').then((m) => ({ default: m.CaseView })));
const WhatIf = lazy(() => import('./screens/WhatIf.js').then((m) => ({ default: m.WhatIf })));
const EditCase = lazy(() => import('./screens/EditCase.js').then((m) => ({ default: m.EditCase })));
const History = lazy(() => import('./screens/History.js').then((m) => ({ default: m.History })));
const PatientView = lazy(() => import('./screens/PatientView.js').then((m) => ({ default: m.PatientView })));
const Report = lazy(() => import('./screens/Report.js').then((m) => ({ default: m.Report })));

/** Undefined while the session is being checked; null when nobody is signed in. */
type Who = Me | null | undefined;

function NotFound({ path }: { readonly path: string }) {
  useTitle('Not found');
  return (
    <>
      <h1 tabIndex={-1}>Page not found</h1>
      <p>Nothing lives at <code>{path}</code>. <a href={href('/')}>Go to the registry</a>.</p>
    </>
  );
}

function Screen({ route }: { readonly route: Route }) {
  switch (route.name) {
    case 'registry': return <Registry query={route.query} />;
    case 'new': return <EditCase />;
    case 'case': return <CaseView caseId={route.id} version={route.version} />;
    case 'whatif': return <WhatIf caseId={route.id} version={route.version} />;
    case 'edit': return <EditCase caseId={route.id} />;
    case 'history': return <History caseId={route.id} />;
    case 'patient': return <PatientView caseId={route.id} version={route.version} />;
    case 'report': return <Report caseId={route.id} version={route.version} />;
    case 'not-found': return <NotFound path={route.path} />;
    case 'login': return null;
  }
}

export function App() {
  const route = useRoute();
  const [me, setMe] = useState<Who>(undefined);
  const [sources, setSources] = useState<Sources | undefined>(undefined);

  useEffect(() => {
    const controller = new AbortController();
    api.me(controller.signal).then(setMe, () => { if (!controller.signal.aborted) setMe(null); });
    return () => controller.abort();
  }, []);
  // Any 401 from the API (the session expired): ask to sign in again.
  useEffect(() => whenUnauthorized(() => setMe(null)), []);
  useEffect(() => {
    if (me === undefined || me === null) return;
    api.sources().then(setSources, () => setSources(undefined));
  }, [me]);

  // Signed out: to the sign-in page, remembering where to return. Signed in: away from it.
  useEffect(() => {
    if (me === null && route.name !== 'login') {
      const here = currentPath();
      navigate(here === '/' ? '/login' : `/login?next=${encodeURIComponent(here)}`, { replace: true });
    }
    if (me !== undefined && me !== null && route.name === 'login') navigate(route.next ?? '/', { replace: true });
  }, [me, route]);

  // A new screen: focus the main region, so that a screen reader starts there.
  const path = currentPath().split('?')[0];
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('main')?.focus({ preventScroll: false });
    window.scrollTo(0, 0);
  }, [path]);

  const signOut = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      setSources(undefined);
      setMe(null);
      navigate('/login', { replace: true });
    }
  }, []);

  const session: Session | null = useMemo(
    () => (me === undefined || me === null ? null : { me, sources, signOut }),
    [me, sources, signOut],
  );

  if (me === undefined) {
    return <Layout session={null}><Loading what="allpath" /></Layout>;
  }
  if (session === null || route.name === 'login') {
    return (
      <Layout session={null}>
        {me === null ? <Login next={route.name === 'login' ? route.next : undefined} onSignedIn={setMe} /> : <Loading what="the registry" />}
      </Layout>
    );
  }
  const current = route.name === 'registry' ? 'registry' : route.name === 'new' ? 'new' : undefined;
  return (
    <SessionContext.Provider value={session}>
      <Layout session={session} current={current}>
        <ScreenBoundary key={path}>
          <Suspense fallback={<Loading what="the page" />}>
            <Screen route={route} />
          </Suspense>
        </ScreenBoundary>
      </Layout>
    </SessionContext.Provider>
  );
}
