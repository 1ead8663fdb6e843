import { ORG_SHORT_NAMES } from '@referral/labels';
import type { PartyReport } from '../../api/types';
import { ScrollTable } from '../../components/scroll-table';
import { useLabel, useT } from '../../i18n/i18n';
import { statisticsMessages } from './messages';
import { TOTAL } from './report-figures';

export interface PartyRow {
  key: string;
  label: string;
  cell(party: PartyReport): string;
}

/** Figures as rows, the parties and their total as columns (short names, so it fits a phone). */
export function PartyColumnsTable({ caption, parties, total, rows }: { caption: string; parties: PartyReport[]; total: PartyReport; rows: PartyRow[] }) {
  const t = useT(statisticsMessages);
  const label = useLabel();
  const columns = [...parties, total];
  return (
    <ScrollTable caption={caption}>
      <thead>
        <tr>
          <td />
          {columns.map((party) => (
            <th key={party.org} scope="col" className="num">{party.org === TOTAL ? t('total') : label(ORG_SHORT_NAMES, party.org)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            {columns.map((party) => <td key={party.org} className="num">{row.cell(party)}</td>)}
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
