import type { Provider } from '@nestjs/common';
import { EventSourcedStream } from '@referral/case-workflows';
import type { EventStore } from '@referral/event-store';
import { EVENT_STORE, Metrics, appendConflictMetrics } from '@referral/platform';

/** The load-decide-append runner of the API's commands, its append conflicts counted. */
export const eventSourcedStreamProvider: Provider = {
  provide: EventSourcedStream,
  useFactory: (store: EventStore, metrics: Metrics) => new EventSourcedStream(store, { conflicts: appendConflictMetrics(metrics) }),
  inject: [EVENT_STORE, Metrics],
};
