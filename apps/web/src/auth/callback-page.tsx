import { useEffect, useRef, useState } from 'react';
import { Page } from '../components/page';
import { useT } from '../i18n/i18n';
import { navigate } from '../router';
import type { AppConfig } from '../app-config';
import { homePathFor } from './claims';
import { signInMessages } from './messages';
import { finishOidcSignIn } from './oidc';
import { useSession } from './session';

export function CallbackPage({ config }: { config: AppConfig }) {
  const t = useT(signInMessages);
  const { signIn } = useSession();
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);
  useEffect(() => {
    if (started.current || !config.oidc) return;
    started.current = true;
    finishOidcSignIn(config.oidc, location.search).then(
      ({ token, returnTo }) => {
        const session = signIn(token);
        if (!session) throw new Error('The token has no org or roles');
        navigate(returnTo === '/' ? homePathFor(session.claims) : returnTo, { replace: true });
      },
    ).catch((e: Error) => setError(e.message));
  }, [config, signIn]);
  return (
    <Page title={t('title')}>
      {error ? <p className="notice notice--error" role="alert">{t('failed', { message: error })}</p> : <p role="status">{t('finishing')}</p>}
    </Page>
  );
}
