import { Controller, Headers, MessageEvent, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { SlaChangeFeed, SlaChangeLog, type LoggedSlaChange } from '@referral/case-workflows';
import { Observable, type Subscriber } from 'rxjs';
import { CurrentCaller, Roles } from '../auth/access.decorators';
import type { Caller } from '../auth/caller';
import { BreachAnnouncements } from './breach-announcements';

const HEARTBEAT_MS = 15_000;
const REPLAY_PAGE = 500;
const EVENT_ID = /^\d{1,18}$/;

@ApiTags('deadlines')
@ApiBearerAuth()
@Controller('sla')
export class SlaStreamController {
  constructor(
    private readonly feed: SlaChangeFeed,
    private readonly log: SlaChangeLog,
    private readonly announcements: BreachAnnouncements,
  ) {}

  /**
   * Server-Sent Events: each change of a case's deadline state in the caller's org (all orgs for the
   * city), each with an `id:`. A client that reconnects with `Last-Event-ID` first gets every change
   * after that one (those of the last 48 hours are kept), then the live ones.
   */
  @Sse('stream')
  @Roles('coordinator', 'staff')
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'The id of the last change received: the ones after it are sent first' })
  stream(@CurrentCaller() caller: Caller, @Headers('last-event-id') lastEventId?: string): Observable<MessageEvent> {
    const orgs: readonly string[] | 'all' = caller.org === 'city' ? 'all' : [caller.org];
    const visible = ({ change }: LoggedSlaChange) => orgs === 'all' || orgs.includes(change.org);
    const after = lastEventId !== undefined && EVENT_ID.test(lastEventId.trim()) ? BigInt(lastEventId.trim()) : null;
    return new Observable<MessageEvent>((subscriber) => {
      // Live changes wait while the missed ones are replayed, so nothing comes twice or out of order.
      let replaying = after !== null;
      let lastSent = after ?? -1n;
      const held: LoggedSlaChange[] = [];
      const send = (logged: LoggedSlaChange): boolean => {
        if (BigInt(logged.id) <= lastSent) return false;
        lastSent = BigInt(logged.id);
        subscriber.next({ type: 'sla', id: logged.id, data: logged.change });
        return true;
      };
      // Heard from the feed (at once, or held during a replay): its first sending times the breach.
      const sendLive = (logged: LoggedSlaChange) => {
        if (send(logged)) this.announcements.sentLive(logged);
      };
      const stopListening = this.feed.listen((logged) => {
        if (!visible(logged)) return;
        if (replaying) held.push(logged);
        else sendLive(logged);
      });
      if (after !== null) {
        void this.replay(after, orgs, send, subscriber).then(() => {
          replaying = false;
          held.splice(0).forEach(sendLive);
        });
      }
      // A heartbeat keeps proxies from closing an idle stream.
      const heartbeat = setInterval(() => subscriber.next({ type: 'heartbeat', data: { at: new Date().toISOString() } }), HEARTBEAT_MS);
      return () => {
        clearInterval(heartbeat);
        stopListening();
      };
    });
  }

  private async replay(
    after: bigint,
    orgs: readonly string[] | 'all',
    send: (logged: LoggedSlaChange) => void,
    subscriber: Subscriber<MessageEvent>,
  ): Promise<void> {
    try {
      for (let from = after; !subscriber.closed; ) {
        const page = await this.log.after(from, orgs, REPLAY_PAGE);
        page.forEach(send);
        if (page.length < REPLAY_PAGE) return;
        from = BigInt(page[page.length - 1].id);
      }
    } catch (error) {
      subscriber.error(error);
    }
  }
}
