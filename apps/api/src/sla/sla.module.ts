import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { SlaChangeFeed } from '@referral/case-workflows';
import { BreachAnnouncements } from './breach-announcements';
import { slaChangeLogProvider, slaFeedProvider } from './sla-feed.provider';
import { SlaController } from './sla.controller';
import { SlaStreamController } from './sla-stream.controller';

/** The contract's Deadlines routes. */
@Module({
  controllers: [SlaController, SlaStreamController],
  providers: [slaFeedProvider, slaChangeLogProvider, BreachAnnouncements],
})
export class SlaModule implements OnApplicationShutdown {
  constructor(@Inject(SlaChangeFeed) private readonly feed: SlaChangeFeed) {}

  async onApplicationShutdown(): Promise<void> {
    await this.feed.stop();
  }
}
