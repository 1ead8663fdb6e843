import coverage from '../../../../config/policy/coverage.v1.json';
import type { SimulationConfig } from '../simulation-config';
import type { Random } from './random';

export type JourId = 'boj-stockholm-gotland' | 'boj-sodra-stockholm' | 'boj-vasterort';
export const JOURS: readonly JourId[] = coverage.jours.map((jour) => jour.org as JourId);

export interface Area {
  municipality: string;
  district?: string;
}

/** Old district names still in use, per current name (Rinkeby-Kista and Spånga-Tensta for Järva …). */
const OLD_NAMES: Record<string, string[]> = {};
for (const [old, current] of Object.entries(coverage.districtAliases)) (OLD_NAMES[current] ??= []).push(old);

/** Where people live, as the Police and the parties write it: by the coverage table in force. */
export class Places {
  constructor(private readonly random: Random, private readonly config: SimulationConfig) {}

  /** An area the jour covers: a city district (sometimes by an old name) or one of its municipalities. */
  inJour(jour: JourId): Area {
    const covered = coverage.jours.find((entry) => entry.org === jour)!;
    const useDistrict = covered.districts.length > 0 && (covered.municipalities.length === 0 || this.random.chance(this.config.intake.cityShareOfJourArea));
    if (!useDistrict) return { municipality: this.random.pick(covered.municipalities) };
    return this.cityDistrict(this.random.pick(covered.districts));
  }

  /** Somewhere in the city: Stödcentrum serves all of it. */
  inCity(): Area {
    return this.cityDistrict(this.random.pick(coverage.cityDistricts));
  }

  /** A municipality that no jour covers: its cases go to triage. */
  uncovered(): Area {
    return { municipality: this.random.pick(this.config.intake.uncoveredMunicipalities) };
  }

  private cityDistrict(current: string): Area {
    const oldNames = OLD_NAMES[current];
    const district = oldNames && this.random.chance(this.config.intake.oldDistrictNameShare) ? this.random.pick(oldNames) : current;
    return { municipality: coverage.cityMunicipality, district };
  }
}

/** The jour that covers an area written by `Places` (old names included). */
export function jourCovering(area: Area): JourId | null {
  const district = area.district ? (coverage.districtAliases as Record<string, string>)[area.district] ?? area.district : undefined;
  const found = coverage.jours.find((jour) =>
    district && area.municipality === coverage.cityMunicipality ? jour.districts.includes(district) : jour.municipalities.includes(area.municipality),
  );
  return found ? (found.org as JourId) : null;
}
