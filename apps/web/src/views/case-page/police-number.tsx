import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useAnnounce } from '../../layout/announcer';
import { casePageMessages } from './messages';

/** The Police report number, to copy into a counsel request or a compensation claim. */
export function PoliceNumber({ number }: { number: string }) {
  const t = useT(casePageMessages);
  const announce = useAnnounce();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(number);
      setState('copied');
      announce(t('copied'));
    } catch {
      setState('failed');
    }
  };
  return (
    <>
      <dt>{t('policeNumber')}</dt>
      <dd>
        <span className="row">
          <code className="police-number" data-testid="police-number">{number}</code>
          <button type="button" className="button" onClick={() => void copy()}>{t('copy')}</button>
        </span>
        {state === 'copied' && <span className="muted">✓ {t('copied')}</span>}
        {state === 'failed' && <span className="field__error" role="alert">{t('copyFailed')}</span>}
      </dd>
    </>
  );
}
