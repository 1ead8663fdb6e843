import type { Messages } from '../../i18n/i18n';

/** The case page's forms: recording a contact, changing contact safety. */
export const formMessages: Messages<
  | 'contactTitle' | 'channel' | 'outcome' | 'alwaysReached' | 'at' | 'atHint' | 'note' | 'noteHint' | 'save' | 'saving' | 'saved'
  | 'safetyTitle' | 'safetyEdit' | 'mayLeaveMessage' | 'limitHours' | 'hoursFrom' | 'hoursTo' | 'safetyNote' | 'safetySave' | 'safetySaved' | 'cancel'
> = {
  sv: {
    contactTitle: 'Registrera en kontakt',
    channel: 'Hur',
    outcome: 'Hur gick det?',
    alwaysReached: 'Ett möte eller följe räknas alltid som att personen är nådd.',
    at: 'När (svensk tid)',
    atHint: 'Lämna som det är om det var nu.',
    note: 'Anteckning (valfri)',
    noteHint: 'Skriv bara det som behövs för stödet.',
    save: 'Spara kontakten',
    saving: 'Sparar …',
    saved: 'Kontakten är sparad',
    safetyTitle: 'Kontaktsäkerhet',
    safetyEdit: 'Ändra kontaktsäkerheten',
    mayLeaveMessage: 'Det är säkert att lämna meddelande (röstbrevlåda, sms)',
    limitHours: 'Ring bara vissa tider',
    hoursFrom: 'Från (TT:MM)',
    hoursTo: 'Till (TT:MM)',
    safetyNote: 'Om kontakten (valfri)',
    safetySave: 'Spara kontaktsäkerheten',
    safetySaved: 'Kontaktsäkerheten är sparad',
    cancel: 'Avbryt',
  },
  en: {
    contactTitle: 'Record a contact',
    channel: 'How',
    outcome: 'How did it go?',
    alwaysReached: 'A meeting or an accompaniment always counts as reaching the person.',
    at: 'When (Swedish time)',
    atHint: 'Leave it as it is if it was now.',
    note: 'Note (optional)',
    noteHint: 'Write only what the support needs.',
    save: 'Save the contact',
    saving: 'Saving …',
    saved: 'The contact is saved',
    safetyTitle: 'Contact safety',
    safetyEdit: 'Change contact safety',
    mayLeaveMessage: 'It is safe to leave a message (voicemail, text)',
    limitHours: 'Call only at certain hours',
    hoursFrom: 'From (HH:MM)',
    hoursTo: 'To (HH:MM)',
    safetyNote: 'About contacting (optional)',
    safetySave: 'Save contact safety',
    safetySaved: 'Contact safety is saved',
    cancel: 'Cancel',
  },
};
