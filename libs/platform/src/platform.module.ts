import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import type { Config } from '@referral/config';
import { readOrAssignStoreIdentity, type EventStore } from '@referral/event-store';
import type { Logger } from 'pino';
import { errorFields, type RetryFailure } from '@referral/resilience';
import { type Backends, openBackends } from './backends';
import { type Clock, systemClock } from './clock';
import { Metrics } from './metrics';
import { LocalProjections } from './projection-waiters';
import { BackgroundComponents } from './background-components';
import { BACKENDS, CLOCK, CONFIG, EVENT_STORE, LOGGER, PERSONAL_DATA_VAULT, READ_MODEL_DB, REDIS, STORE_IDENTITY } from './tokens';

export interface PlatformOptions {
  config: Config;
  logger: Logger;
  clock?: Clock;
  /** Already-open backends (tests, or a process that opened them itself). */
  backends?: Backends;
}

/** The infrastructure both apps share; global, so one process opens each backend once. */
@Global()
@Module({})
export class PlatformModule implements OnApplicationShutdown {
  constructor(@Inject(BACKENDS) private readonly backends: Backends) {}

  static forRoot(options: PlatformOptions): DynamicModule {
    const ownsBackends = options.backends === undefined;
    return {
      module: PlatformModule,
      providers: [
        { provide: CONFIG, useValue: options.config },
        { provide: LOGGER, useValue: options.logger },
        { provide: CLOCK, useValue: options.clock ?? systemClock },
        { provide: Metrics, useValue: new Metrics() },
        { provide: LocalProjections, useValue: new LocalProjections() },
        { provide: BackgroundComponents, useValue: new BackgroundComponents() },
        {
          provide: BACKENDS,
          useFactory: async () => {
            const backends = options.backends ?? (await openBackends(options.config, { onUnavailable: logUnavailable(options.logger) }));
            return ownsBackends ? backends : { ...backends, close: async () => undefined };
          },
        },
        { provide: EVENT_STORE, useFactory: (b: Backends) => b.eventStore, inject: [BACKENDS] },
        { provide: READ_MODEL_DB, useFactory: (b: Backends) => b.readModels, inject: [BACKENDS] },
        { provide: REDIS, useFactory: (b: Backends) => b.redis, inject: [BACKENDS] },
        { provide: PERSONAL_DATA_VAULT, useFactory: (b: Backends) => b.vault, inject: [BACKENDS] },
        { provide: STORE_IDENTITY, useFactory: (store: EventStore) => readOrAssignStoreIdentity(store), inject: [EVENT_STORE] },
      ],
      exports: [CONFIG, LOGGER, CLOCK, Metrics, LocalProjections, BackgroundComponents, BACKENDS, EVENT_STORE, READ_MODEL_DB, REDIS, PERSONAL_DATA_VAULT, STORE_IDENTITY],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.backends.close();
  }
}

/** One line per start-up attempt that found PostgreSQL or KurrentDB unreachable. */
function logUnavailable(logger: Logger): (failure: RetryFailure) => void {
  return ({ error, attempt, retryInMs }) =>
    logger.warn({ component: 'backends', attempt, retryInMs, error: errorFields(error) }, 'Event store or read-model database not reachable at start-up; waiting for it');
}
