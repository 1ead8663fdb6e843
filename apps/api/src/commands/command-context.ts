import { randomUUID } from 'node:crypto';
import { deterministicUuid, type RunOptions } from '@referral/case-workflows';
import type { Caller } from '../auth/caller';

/** Who asked and when: every event a command appends carries this in its metadata. */
export interface CommandContext {
  caller: Caller;
  now: Date;
  correlationId: string;
  /**
   * Set when the request carried an Idempotency-Key: the key's scope (a keyed hash of caller and
   * key, never the key itself) and when its 24 hours began. The command's event ids derive from
   * it, so a command run again
   * under the same key (its first run appended, then the process died before the answer was
   * kept) is recognised by the store as the same append and takes effect once.
   */
  commandKey?: string;
}

export function commandContext(caller: Caller, now: Date, correlationId?: string, commandKey?: string): CommandContext {
  return { caller, now, correlationId: correlationId ?? randomUUID(), ...(commandKey ? { commandKey } : {}) };
}

export function eventMetadata(context: CommandContext): { actor: string; correlationId: string } {
  return { actor: context.caller.sub, correlationId: context.correlationId };
}

/** How a command's events on `streamId` are appended: its metadata, and ids derived from its Idempotency-Key if it has one. */
export function runOptions(context: CommandContext, streamId: string): RunOptions {
  const key = context.commandKey;
  return {
    metadata: eventMetadata(context),
    ...(key ? { eventIds: (index: number) => deterministicUuid('idempotent-command', key, streamId, String(index)) } : {}),
  };
}

/** The id of what a command creates (a case, a volunteer): the same again when the command runs again under its Idempotency-Key. */
export function newIdOf(context: CommandContext, kind: string): string {
  return context.commandKey ? deterministicUuid('idempotent-new', context.commandKey, kind) : randomUUID();
}
