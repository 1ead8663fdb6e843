import type { Provider } from '@nestjs/common';
import { SlaChangeFeed, SlaChangeLog } from '@referral/case-workflows';
import type { Config } from '@referral/config';
import { CONFIG, READ_MODEL_DB, REDIS } from '@referral/platform';
import type { SqlClient } from '@referral/sql';
import type { Redis } from 'ioredis';

/** The process's one subscription to deadline-state changes; closed with the app. */
export const slaFeedProvider: Provider = {
  provide: SlaChangeFeed,
  useFactory: async (redis: Redis, config: Config, log: SlaChangeLog) => {
    const feed = new SlaChangeFeed(redis, config.redisPrefix, log);
    await feed.start();
    return feed;
  },
  inject: [REDIS, CONFIG, SlaChangeLog],
};

/** The changes already announced, for clients that reconnect with `Last-Event-ID`. */
export const slaChangeLogProvider: Provider = {
  provide: SlaChangeLog,
  useFactory: (db: SqlClient) => new SlaChangeLog(db),
  inject: [READ_MODEL_DB],
};
