/**
 * A projection's batch commits with `pg_notify(CHECKPOINT_CHANNEL, <projection name>)` in its
 * checkpoint UPDATE, so the notice is sent when (and only if) the batch commits. Processes that
 * wait for a read model to reach a position (the API's read-your-writes in the scaled shape)
 * LISTEN on it and look at the checkpoint again when woken, instead of polling it.
 */
export const CHECKPOINT_CHANNEL = 'referral_checkpoints';
