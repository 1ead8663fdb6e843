import { GenerationGoneError, ProjectionNotRegisteredError } from './errors';
import type { Position } from './positions';
import type { ProjectionDefinition, TableNames } from './projection';
import type { ProjectionRegistry } from './projection-registry';
import { tableNamesFromPhysical } from './table-names';

export interface RunnerTarget {
  generation: number;
  tables: TableNames;
  position: Position;
  followsActive: boolean;
}

/** The active generation was built by another version of the projection's code. */
export class StaleProjectionError extends Error {
  constructor(readonly projection: string, readonly activeVersion: number, readonly codeVersion: number) {
    super(
      `Projection ${projection} is at version ${activeVersion}, the code at ${codeVersion}: ` +
        'rebuild it (the runner resumes on the rebuilt generation)',
    );
    this.name = 'StaleProjectionError';
  }
}

/** Where a runner writes next: a fixed generation (rebuild) or the active one (registering it if new). */
export async function resolveRunnerTarget(
  registry: ProjectionRegistry,
  projection: ProjectionDefinition,
  fixedGeneration: number | undefined,
): Promise<RunnerTarget> {
  if (fixedGeneration !== undefined) {
    const row = (await registry.generations(projection.name)).find((g) => g.generation === fixedGeneration);
    if (!row) throw new GenerationGoneError(projection.name, fixedGeneration);
    return { generation: row.generation, tables: tableNamesFromPhysical(row.tables), position: row.position, followsActive: false };
  }
  const ensured = await registry.ensure(projection);
  const active = await registry.active(projection.name);
  if (!active) throw new ProjectionNotRegisteredError(projection.name);
  if (ensured.stale || active.version !== projection.version) {
    throw new StaleProjectionError(projection.name, active.version, projection.version);
  }
  return { generation: active.generation, tables: active.tableNames, position: active.position, followsActive: true };
}
