import { useState } from 'react';
import { useApi } from '../../api/api-context';
import { useT } from '../../i18n/i18n';
import { useAnnounce } from '../../layout/announcer';
import { csvFileName } from './format';
import { statisticsMessages } from './messages';
import type { Period } from './period';
import { reportPath } from './use-statistics';

/**
 * Downloads the report as CSV: fetched with the token in its header (never in a URL), handed to
 * the browser as a file through an object URL and a download link.
 */
export function CsvDownload({ period }: { period: Period }) {
  const t = useT(statisticsMessages);
  const api = useApi();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const text = await api.getText(reportPath(period, 'csv'));
      const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = csvFileName(period);
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      announce(t('csvDone', { name: link.download }));
    } catch (e) {
      setError(t('csvFailed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" className="button" onClick={() => void download()} disabled={busy}>
        {busy ? t('csvBusy') : t('csv')}
      </button>
      {error && <p className="field__error" role="alert">{error}</p>}
    </>
  );
}
