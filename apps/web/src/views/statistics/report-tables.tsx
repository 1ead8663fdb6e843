import { ORGS } from '@referral/labels';
import type { StatisticsReport } from '../../api/types';
import { useLabel, useT } from '../../i18n/i18n';
import { ActivityTables, CommitmentTables } from './activity-tables';
import { CrimeTypesTable } from './crime-types-table';
import { FigureTable } from './figure-table';
import { statisticsMessages } from './messages';
import { FIGURES, genderKeysOf, totalOf } from './report-figures';

/** The report as tables: each party and the total, then trainings and survey, then flags and commitments. */
export function ReportTables({ report }: { report: StatisticsReport }) {
  const t = useT(statisticsMessages);
  const label = useLabel();
  const total = totalOf(report);
  const genderKeys = genderKeysOf(report.parties.flatMap((party) => FIGURES.map((figure) => party[figure])));
  const sections = [...report.parties.map((party) => ({ party, name: label(ORGS, party.org) })), { party: total, name: t('allParties') }];
  return (
    <>
      <h2>{t('figuresHeading')}</h2>
      <div className="stats-parties">
        {sections.map(({ party, name }) => (
          <section key={party.org} className="card stats-party" aria-labelledby={`party-${party.org}`}>
            <h3 id={`party-${party.org}`}>{name}</h3>
            <FigureTable party={party} name={name} genderKeys={genderKeys} />
            <h4>{t('crimeTypesHeading')}</h4>
            <CrimeTypesTable party={party} name={name} />
          </section>
        ))}
      </div>
      <h2>{t('activityHeading')}</h2>
      <ActivityTables parties={report.parties} total={total} />
      <h2>{t('commitmentsHeading')}</h2>
      <CommitmentTables parties={report.parties} total={total} />
    </>
  );
}
