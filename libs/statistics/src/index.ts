import type { ProjectionDefinition } from '@referral/projections';
import { statisticsProjection } from './projection/statistics.projection';

export { parseCountingPolicy, COUNTS_AS } from './counting/counting-policy';
export type { CountingPolicy, CountsAs, PartyRules, ChannelRule } from './counting/counting-policy';
export { defaultCountingPolicy } from './counting/default-counting-policy';
export { countContact, countLinkMade } from './counting/classify';
export { genderKey } from './gender-key';
export { stockholmDay, daysInPeriod } from './stockholm-day';
export { previousPeriod } from './report/previous-period';
export type { Period } from './report/previous-period';
export { statisticsProjection, statisticsProjectionWith } from './projection/statistics.projection';
export { StatisticsQueries } from './report/statistics-queries';
export { assembleReport } from './report/assemble-report';
export { reportToCsv } from './report/report-csv';
export { reportToHtml, escapeHtml } from './report/report-html';
export { formatChange } from './report/change';
export { REPORT_ORGS, REPORT_FLAGS, SPLIT_FIGURES } from './report/report';
export type { StatisticsReport, PartyReport, GenderSplit, CrimeTypeShare, PartySla, PartySatisfaction, SplitFigure } from './report/report';

/** Every read model of this library, for one runner each. */
export const statisticsProjections: readonly ProjectionDefinition[] = [statisticsProjection];
