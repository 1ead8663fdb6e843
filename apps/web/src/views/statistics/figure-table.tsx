import { GENDER_KEYS, REPORT_FIGURES } from '@referral/labels';
import type { PartyReport } from '../../api/types';
import { ScrollTable } from '../../components/scroll-table';
import { useLabel, useLanguage, useT } from '../../i18n/i18n';
import { DASH, formatChange, formatNumber } from './format';
import { statisticsMessages } from './messages';
import { changePercent, figureApplies, FIGURES } from './report-figures';

/**
 * A party's figures as the yearly report has them: each figure's total, its split by gender
 * (K, M, own labels, unknown), the previous period's total and the change; a dash where a figure
 * does not apply to the party.
 */
export function FigureTable({ party, name, genderKeys }: { party: PartyReport; name: string; genderKeys: string[] }) {
  const t = useT(statisticsMessages);
  const label = useLabel();
  const { language } = useLanguage();
  const n = (value: number) => formatNumber(value, language);
  return (
    <ScrollTable caption={t('figuresCaption', { party: name })} captionHidden>
      <thead>
        <tr>
          <th scope="col">{t('figure')}</th>
          <th scope="col" className="num">{t('total')}</th>
          {genderKeys.map((key) => <th key={key} scope="col" className="num">{label(GENDER_KEYS, key)}</th>)}
          <th scope="col" className="num">{t('previousPeriod')}</th>
          <th scope="col" className="num">{t('change')}</th>
        </tr>
      </thead>
      <tbody>
        {FIGURES.map((figure) => {
          const applies = figureApplies(party.org, figure);
          const split = party[figure];
          return (
            <tr key={figure}>
              <th scope="row">{label(REPORT_FIGURES, figure)}</th>
              <td className="num">{applies ? n(split.total) : DASH}</td>
              {genderKeys.map((key) => <td key={key} className="num">{applies ? n(split.byGender[key] ?? 0) : DASH}</td>)}
              <td className="num">{applies ? n(party.previous[figure]) : DASH}</td>
              <td className="num">{applies ? formatChange(changePercent(split.total, party.previous[figure]), language) : DASH}</td>
            </tr>
          );
        })}
      </tbody>
    </ScrollTable>
  );
}
