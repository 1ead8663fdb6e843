export { CASE_LIST_ITEM, CASE_PAGE, CASE_VIEW } from './case-view.schema';
export { STATISTICS_REPORT } from './report.schema';
export { ROSTER, ROSTER_ITEM, VOLUNTEER_SUGGESTION, VOLUNTEER_SUGGESTIONS } from './volunteer.schema';
export { AT_RISK_ITEM, AT_RISK_PAGE } from './at-risk.schema';
