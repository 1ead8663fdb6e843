import { Controller, MessageEvent, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { SlaChangeFeed, type SlaChange } from '@referral/case-workflows';
import { Observable } from 'rxjs';
import { CurrentCaller, Roles } from '../auth/access.decorators';
import type { Caller } from '../auth/caller';

const HEARTBEAT_MS = 15_000;

@ApiTags('deadlines')
@ApiBearerAuth()
@Controller('sla')
export class SlaStreamController {
  constructor(private readonly feed: SlaChangeFeed) {}

  /** Server-Sent Events: each change of a case's deadline state in the caller's org (all orgs for the city). */
  @Sse('stream')
  @Roles('coordinator', 'staff')
  stream(@CurrentCaller() caller: Caller): Observable<MessageEvent> {
    return new Observable<MessageEvent>((subscriber) => {
      const visible = (change: SlaChange) => caller.org === 'city' || change.org === caller.org;
      const stopListening = this.feed.listen((change) => {
        if (visible(change)) subscriber.next({ type: 'sla', id: `${change.caseId}:${change.change}:${change.at}`, data: change });
      });
      // A comment-only heartbeat keeps proxies from closing an idle stream.
      const heartbeat = setInterval(() => subscriber.next({ type: 'heartbeat', data: { at: new Date().toISOString() } }), HEARTBEAT_MS);
      return () => {
        clearInterval(heartbeat);
        stopListening();
      };
    });
  }
}
