import { CRIME_CATEGORIES } from '@referral/labels';
import type { PartyReport } from '../../api/types';
import { ScrollTable } from '../../components/scroll-table';
import { useLabel, useLanguage, useT } from '../../i18n/i18n';
import { formatNumber, formatShare } from './format';
import { statisticsMessages } from './messages';

/** A party's crime types in words, most cases first, with their share of its cases. */
export function CrimeTypesTable({ party, name }: { party: PartyReport; name: string }) {
  const t = useT(statisticsMessages);
  const label = useLabel();
  const { language } = useLanguage();
  if (party.crimeTypes.length === 0) return <p className="muted">{t('noCases')}</p>;
  return (
    <ScrollTable caption={t('crimeTypesCaption', { party: name })} captionHidden>
      <thead>
        <tr>
          <th scope="col">{t('crimeType')}</th>
          <th scope="col" className="num">{t('cases')}</th>
          <th scope="col" className="num">{t('share')}</th>
        </tr>
      </thead>
      <tbody>
        {party.crimeTypes.map((type) => (
          <tr key={type.category}>
            <th scope="row">{label(CRIME_CATEGORIES, type.category)}</th>
            <td className="num">{formatNumber(type.cases, language)}</td>
            <td className="num">{formatShare(type.share, language)}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
