import { randomUUID } from 'node:crypto';
import type { Caller } from '../auth/caller';

/** Who asked and when: every event a command appends carries this in its metadata. */
export interface CommandContext {
  caller: Caller;
  now: Date;
  correlationId: string;
}

export function commandContext(caller: Caller, now: Date, correlationId?: string): CommandContext {
  return { caller, now, correlationId: correlationId ?? randomUUID() };
}

export function eventMetadata(context: CommandContext): { actor: string; correlationId: string } {
  return { actor: context.caller.sub, correlationId: context.correlationId };
}
