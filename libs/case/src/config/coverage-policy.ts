import { JourId, ORG_IDS, OrgId, isJour, isOrgId } from '../shared/org';
import { InvalidPolicyError } from './invalid-policy-error';
import { JsonFields } from './json-fields';
import { placeKey } from './place-name';

export interface OrgInfo {
  readonly id: OrgId;
  readonly name: string;
  readonly kind: 'stodcentrum' | 'jour';
  readonly orgNumber?: string;
}

/**
 * The coverage table, ready for lookups. Keys are `placeKey`s of every accepted spelling
 * (current names and old aliases); values are current names or the covering jour.
 */
export interface CoveragePolicy {
  readonly version: string;
  readonly orgs: readonly OrgInfo[];
  /** Current name of the municipality whose areas are city districts (Stockholm). */
  readonly cityMunicipality: string;
  readonly municipalityByKey: Readonly<Record<string, string>>;
  readonly districtByKey: Readonly<Record<string, string>>;
  readonly jourByMunicipality: Readonly<Record<string, JourId>>;
  readonly jourByDistrict: Readonly<Record<string, JourId>>;
}

const FILE = 'coverage policy';

/** Validates the parsed JSON of `config/policy/coverage.v*.json`. @throws InvalidPolicyError */
export function parseCoveragePolicy(json: unknown): CoveragePolicy {
  const fields = new JsonFields();
  const root = fields.object(json, '$');
  const version = fields.string(root.version, 'version');
  const orgs = fields.array(root.orgs, 'orgs').map((org, i) => readOrg(fields, org, `orgs[${i}]`));
  for (const id of ORG_IDS) fields.check(orgs.some((org) => org.id === id), `orgs lacks ${id}`);
  const cityMunicipality = fields.string(root.cityMunicipality, 'cityMunicipality');

  const districtByKey: Record<string, string> = {};
  for (const district of fields.strings(root.cityDistricts, 'cityDistricts')) {
    addName(fields, districtByKey, district, district, 'cityDistricts');
  }
  const municipalityByKey: Record<string, string> = {};
  addName(fields, municipalityByKey, cityMunicipality, cityMunicipality, 'cityMunicipality');

  const jourByDistrict: Record<string, JourId> = {};
  const jourByMunicipality: Record<string, JourId> = {};
  fields.array(root.jours, 'jours').forEach((entry, i) => {
    const jour = fields.object(entry, `jours[${i}]`);
    const org = jour.org;
    if (!isOrgId(org) || !isJour(org)) return fields.check(false, `jours[${i}].org must be a jour id`);
    for (const district of fields.strings(jour.districts, `jours[${i}].districts`)) {
      const name = districtByKey[placeKey(district)];
      fields.check(name !== undefined, `jours[${i}].districts: ${district} is not in cityDistricts`);
      if (name) assignOnce(fields, jourByDistrict, name, org, 'district');
    }
    for (const municipality of fields.strings(jour.municipalities, `jours[${i}].municipalities`)) {
      addName(fields, municipalityByKey, municipality, municipality, `jours[${i}].municipalities`);
      assignOnce(fields, jourByMunicipality, municipality, org, 'municipality');
    }
  });

  addAliases(fields, root.districtAliases, 'districtAliases', districtByKey);
  addAliases(fields, root.municipalityAliases, 'municipalityAliases', municipalityByKey);

  if (fields.problems.length > 0) throw new InvalidPolicyError(FILE, fields.problems);
  return { version, orgs, cityMunicipality, municipalityByKey, districtByKey, jourByMunicipality, jourByDistrict };
}

function readOrg(fields: JsonFields, value: unknown, path: string): OrgInfo {
  const org = fields.object(value, path);
  const id = org.id;
  fields.check(isOrgId(id), `${path}.id is not a known org id`);
  const kind = org.kind === 'jour' || org.kind === 'stodcentrum' ? org.kind : 'jour';
  fields.check(org.kind === kind, `${path}.kind must be 'jour' or 'stodcentrum'`);
  const orgNumber = typeof org.orgNumber === 'string' ? org.orgNumber : undefined;
  return { id: id as OrgId, name: fields.string(org.name, `${path}.name`), kind, ...(orgNumber ? { orgNumber } : {}) };
}

function addName(fields: JsonFields, byKey: Record<string, string>, spelling: string, name: string, path: string) {
  const key = placeKey(spelling);
  const existing = byKey[key];
  fields.check(existing === undefined || existing === name, `${path}: ${spelling} clashes with ${existing}`);
  byKey[key] = name;
}

function assignOnce(fields: JsonFields, byName: Record<string, JourId>, name: string, org: JourId, what: string) {
  const existing = byName[name];
  fields.check(existing === undefined, `${what} ${name} is covered by both ${existing} and ${org}`);
  byName[name] = org;
}

function addAliases(fields: JsonFields, value: unknown, path: string, byKey: Record<string, string>) {
  for (const [alias, target] of Object.entries(fields.object(value, path))) {
    const name = typeof target === 'string' ? byKey[placeKey(target)] : undefined;
    fields.check(name !== undefined, `${path}.${alias} points to an unknown name`);
    if (name) addName(fields, byKey, alias, name, path);
  }
}
