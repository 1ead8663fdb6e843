export const CONTACT_CHANNELS = [
  'phone', 'sms', 'email', 'letter', 'social-media', 'meeting', 'accompaniment', 'other-actor',
] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const CONTACT_OUTCOMES = ['reached', 'no-answer', 'voicemail', 'wrong-number', 'declined'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

/** Channels on which the person is with you: such a contact has always reached them. */
export const ALWAYS_REACHED_CHANNELS: readonly ContactChannel[] = ['meeting', 'accompaniment'];

/** A contact with another authority or organisation is about the person, not towards them. */
export const isTowardsPerson = (channel: ContactChannel): boolean => channel !== 'other-actor';
