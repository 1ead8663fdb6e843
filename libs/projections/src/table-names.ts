import type { ProjectionDefinition, TableNames } from './projection';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
/** PostgreSQL truncates identifiers beyond 63 bytes; leave room for `__g<generation>`. */
const MAX_LOGICAL_LENGTH = 50;

export function assertIdentifier(kind: string, name: string): void {
  if (!IDENTIFIER.test(name) || name.length > MAX_LOGICAL_LENGTH) {
    throw new Error(
      `${kind} "${name}" must be a lower-case SQL identifier of at most ${MAX_LOGICAL_LENGTH} characters`,
    );
  }
}

export function physicalTableName(logical: string, generation: number): string {
  return `${logical}__g${generation}`;
}

/** The logical name a physical table of some generation belongs to. */
export function logicalTableName(physical: string): string {
  return physical.replace(/__g\d+$/, '');
}

export function tableNamesFor<Table extends string>(
  projection: Pick<ProjectionDefinition<Table>, 'name' | 'tables'>,
  generation: number,
): TableNames<Table> {
  assertIdentifier('Projection name', projection.name);
  if (projection.tables.length === 0) throw new Error(`Projection ${projection.name} owns no tables`);
  const names = {} as Record<Table, string>;
  for (const logical of projection.tables) {
    assertIdentifier(`Table of projection ${projection.name}`, logical);
    names[logical] = physicalTableName(logical, generation);
  }
  return names;
}

/** Rebuilds the logical -> physical map from the physical names stored with a generation. */
export function tableNamesFromPhysical(physical: readonly string[]): TableNames {
  return Object.fromEntries(physical.map((name) => [logicalTableName(name), name]));
}
