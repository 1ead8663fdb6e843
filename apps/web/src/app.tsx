import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Suspense, useEffect, useRef, useState } from 'react';
import { ApiProvider } from './api/api-context';
import { ApiError } from './api/errors';
import { loadAppConfig, type AppConfig } from './app-config';
import { CallbackPage } from './auth/callback-page';
import { homePathFor } from './auth/claims';
import { CALLBACK_PATH } from './auth/oidc';
import { SessionProvider, useSession } from './auth/session';
import { SignInPage } from './auth/sign-in-page';
import { Page } from './components/page';
import { I18nProvider, useT } from './i18n/i18n';
import { AnnouncerProvider } from './layout/announcer';
import { shellMessages } from './layout/messages';
import { Shell } from './layout/shell';
import { Link, matchPath, navigate, useLocation } from './router';
import { ROUTES } from './routes';
import { SurveyPage } from './views/survey/survey-page';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      // Refusals (403/404) and bad requests are answers, not hiccups: no retry for them.
      retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status < 500),
    },
  },
});

export function App() {
  const [config, setConfig] = useState<AppConfig | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    loadAppConfig().then(setConfig, (e: Error) => setFailed(e.message));
  }, []);
  return (
    <I18nProvider>
      <SessionProvider>
        <ApiProvider>
          <QueryClientProvider client={queryClient}>
            <AnnouncerProvider>
              {failed ? <p role="alert">{failed}</p> : config ? <Routes config={config} /> : null}
            </AnnouncerProvider>
          </QueryClientProvider>
        </ApiProvider>
      </SessionProvider>
    </I18nProvider>
  );
}

function Routes({ config }: { config: AppConfig }) {
  const { path } = useLocation();
  const { session } = useSession();
  const survey = matchPath('/survey/:token', path);
  useEffect(() => {
    if (session && (path === '/' || path === '/sign-in')) navigate(homePathFor(session.claims), { replace: true });
  }, [session, path]);
  // Another user's answers must not show: the cache goes when the token changes, not on the first
  // render (clearing then would orphan the queries a deep-linked page has just started).
  const shownToken = useRef(session?.token);
  useEffect(() => {
    if (shownToken.current === session?.token) return;
    shownToken.current = session?.token;
    queryClient.clear();
  }, [session?.token]);

  if (survey) return <SurveyPage token={survey.token!} />;
  if (path === CALLBACK_PATH) return <Shell><CallbackPage config={config} /></Shell>;
  if (!session) return <Shell><SignInPage config={config} /></Shell>;
  for (const route of ROUTES) {
    const params = matchPath(route.pattern, path);
    if (params && route.allowed(session.claims)) {
      return (
        <Shell>
          <Suspense fallback={null}>{route.render(params)}</Suspense>
        </Shell>
      );
    }
  }
  return <Shell><NotFound /></Shell>;
}

function NotFound() {
  const t = useT(shellMessages);
  return (
    <Page title={t('notFound')}>
      <p>{t('notFoundText')}</p>
      <p><Link to="/">{t('toStart')}</Link></p>
    </Page>
  );
}
