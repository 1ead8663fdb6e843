import { CoveragePolicy } from '../config/coverage-policy';
import { placeKey } from '../config/place-name';
import { JourId } from '../shared/org';
import { Area } from '../case/case-facts';

/** An area as the coverage table understands it: current names, and the jour covering it. */
export interface ResolvedArea {
  /** Current name, or `null` when the municipality is not in the table. */
  readonly municipality: string | null;
  /** Current district name (old names are mapped), or `null`. */
  readonly district: string | null;
  readonly jour: JourId | null;
}

/**
 * Finds the jour for an area. In the city the district decides; elsewhere the municipality. A
 * city district written in the municipality field (e.g. `{municipality: "Bromma"}`) is read as
 * that district, since nothing else could be meant.
 */
export function resolveArea(area: Area, coverage: CoveragePolicy): ResolvedArea {
  const municipality = coverage.municipalityByKey[placeKey(area.municipality)] ?? null;
  if (municipality === null) {
    const districtAsMunicipality = coverage.districtByKey[placeKey(area.municipality)];
    if (districtAsMunicipality) return cityDistrict(districtAsMunicipality, coverage);
    return { municipality: null, district: null, jour: null };
  }
  if (municipality === coverage.cityMunicipality) {
    const district = area.district === undefined ? undefined : coverage.districtByKey[placeKey(area.district)];
    return district ? cityDistrict(district, coverage) : { municipality, district: null, jour: null };
  }
  return { municipality, district: null, jour: coverage.jourByMunicipality[municipality] ?? null };
}

function cityDistrict(district: string, coverage: CoveragePolicy): ResolvedArea {
  return { municipality: coverage.cityMunicipality, district, jour: coverage.jourByDistrict[district] ?? null };
}
