/**
 * A short reference people can say and compare ("Ärende 3F2A9C1B"): the start of the opaque case
 * id. Lists carry no personal data, so this is how a row names its case; the link opens it.
 */
export function caseRef(caseId: string): string {
  return caseId.replace(/-/g, '').slice(0, 8).toUpperCase();
}
