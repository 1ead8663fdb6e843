import type { Provider } from '@nestjs/common';
import { SlaChangeFeed } from '@referral/case-workflows';
import type { Config } from '@referral/config';
import { CONFIG, REDIS } from '@referral/platform';
import type { Redis } from 'ioredis';

/** The process's one subscription to deadline-state changes; closed with the app. */
export const slaFeedProvider: Provider = {
  provide: SlaChangeFeed,
  useFactory: async (redis: Redis, config: Config) => {
    const feed = new SlaChangeFeed(redis, config.redisPrefix);
    await feed.start();
    return feed;
  },
  inject: [REDIS, CONFIG],
};
