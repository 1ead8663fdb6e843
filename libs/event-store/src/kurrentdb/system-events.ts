/**
 * KurrentDB writes its own bookkeeping into `$all`: `$`-prefixed event types (`$metadata`,
 * `$>` links, `$statsCollected`, ...) and `$`-prefixed streams (`$$stream` metadata,
 * `$projections-...`). None of them belong to the domain, so readers never hand them out.
 */
export function isSystemEvent(streamId: string, type: string): boolean {
  return type.startsWith('$') || streamId.startsWith('$');
}
