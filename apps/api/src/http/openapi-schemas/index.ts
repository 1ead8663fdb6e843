export { CASE_LIST_ITEM, CASE_PAGE } from './case-view.schema';
export { STATISTICS_REPORT } from './report.schema';
