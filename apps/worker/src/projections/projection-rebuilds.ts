import { Inject, Injectable } from '@nestjs/common';
import { LOGGER, type Logger } from '@referral/platform';
import { errorFields } from '@referral/resilience';
import { rebuildProjection, type RebuildProgress } from '@referral/projections';
import { ProjectionsHost } from './projections-host';

/** Progress as JSON can carry it: positions as decimal strings. */
export type RebuildProgressView = Omit<RebuildProgress, 'position' | 'headPosition'> & {
  position: string | null;
  headPosition: string | null;
};

export type RebuildState =
  | { state: 'idle' }
  | { state: 'running'; progress: RebuildProgressView | null; startedAt: string }
  | { state: 'finished'; progress: RebuildProgressView | null; startedAt: string; finishedAt: string }
  | { state: 'failed'; error: string; code?: string; startedAt: string; finishedAt: string };

/**
 * Rebuilds a projection inside the running service: the new generation fills from position zero
 * while the live one keeps answering, then takes over. One rebuild per projection at a time.
 */
@Injectable()
export class ProjectionRebuilds {
  private readonly states = new Map<string, RebuildState>();

  constructor(
    private readonly host: ProjectionsHost,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  names(): string[] {
    return this.host.projections.map((p) => p.name);
  }

  stateOf(name: string): RebuildState {
    return this.states.get(name) ?? { state: 'idle' };
  }

  /** Starts a rebuild and answers at once; `stateOf` shows its progress. */
  start(name: string): RebuildState {
    const projection = this.host.projections.find((p) => p.name === name);
    if (!projection) throw new UnknownProjectionError(name);
    const current = this.stateOf(name);
    if (current.state === 'running') return current;
    const startedAt = new Date().toISOString();
    const running: RebuildState = { state: 'running', progress: null, startedAt };
    this.states.set(name, running);
    void (async () => {
      await this.host.ready;
      const registry = this.host.projectionRegistry!;
      let progress: RebuildProgressView | null = null;
      try {
        await rebuildProjection(this.host.eventStore, registry, projection, {
          liveRunner: this.host.runner(name),
          progressIntervalMs: 250,
          onProgress: (p) => {
            progress = viewOf(p);
            this.states.set(name, { state: 'running', progress, startedAt });
          },
        });
        this.states.set(name, { state: 'finished', progress, startedAt, finishedAt: new Date().toISOString() });
      } catch (error) {
        const fields = errorFields(error);
        this.logger.error({ component: 'projections', projection: name, error: fields }, 'Projection rebuild failed');
        const code = fields.code === undefined ? {} : { code: fields.code };
        this.states.set(name, { state: 'failed', error: fields.name, ...code, startedAt, finishedAt: new Date().toISOString() });
      }
    })();
    return running;
  }
}

export class UnknownProjectionError extends Error {
  constructor(readonly projection: string) {
    super(`No projection named ${projection}`);
  }
}

function viewOf(progress: RebuildProgress): RebuildProgressView {
  const text = (position: bigint | null) => (position === null ? null : position.toString());
  return { ...progress, position: text(progress.position), headPosition: text(progress.headPosition) };
}
