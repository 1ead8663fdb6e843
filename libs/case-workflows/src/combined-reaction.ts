import type { Reaction } from './reactor';

/**
 * Several reactions behind one subscription and one checkpoint: each subscription reads the
 * store after every append, so fewer of them is less work for the store.
 */
export function combinedReaction(name: string, reactions: readonly Reaction[]): Reaction {
  const handles = reactions.every((reaction) => reaction.handles)
    ? new Set(reactions.flatMap((reaction) => [...reaction.handles!]))
    : undefined;
  return {
    name,
    ...(handles ? { handles } : {}),
    react: async (event) => {
      for (const reaction of reactions) {
        if (!reaction.handles || reaction.handles.has(event.type)) await reaction.react(event);
      }
    },
  };
}
