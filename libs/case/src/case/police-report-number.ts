/**
 * The form a Police report number is matched in (contract v1.1: exact match after trimming and
 * upper-casing), so `5000-k100001-25 ` finds `5000-K100001-25`.
 */
export const normalisePoliceReportNumber = (text: string): string => text.trim().toUpperCase();
