import { ORG_IDS, OrgId } from '../shared/org';
import { JsonFields } from './json-fields';

/**
 * A policy file's `defaults` merged field by field with each org's entry under `orgs` (an unknown
 * org id is a problem), read into one value per org.
 */
export function perOrgTerms<T>(
  fields: JsonFields,
  root: Record<string, unknown>,
  read: (merged: Record<string, unknown>, path: string) => T,
): { defaults: Record<string, unknown>; byOrg: Record<OrgId, T> } {
  const defaults = fields.object(root.defaults, 'defaults');
  const overrides = root.orgs === undefined ? {} : fields.object(root.orgs, 'orgs');
  for (const org of Object.keys(overrides)) {
    fields.check((ORG_IDS as readonly string[]).includes(org), `orgs.${org} is not a known org id`);
  }
  const byOrg = {} as Record<OrgId, T>;
  for (const org of ORG_IDS) {
    byOrg[org] = read({ ...defaults, ...fields.object(overrides[org] ?? {}, `orgs.${org}`) }, `orgs.${org}`);
  }
  return { defaults, byOrg };
}
