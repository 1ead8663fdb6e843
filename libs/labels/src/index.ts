/**
 * The words people read for the codes the API and the statistics use, in Swedish and English.
 * Pure data: the web app and the printable report both take their labels from here.
 */
export type Language = 'sv' | 'en';
type Labels = Record<string, { sv: string; en: string }>;

export const CRIME_CATEGORIES: Labels = {
  misshandel: { sv: 'Misshandel', en: 'Assault' },
  bedrageri: { sv: 'Bedrägeri', en: 'Fraud' },
  'olaga-hot': { sv: 'Olaga hot', en: 'Unlawful threat' },
  ofredande: { sv: 'Ofredande', en: 'Molestation' },
  sexualbrott: { sv: 'Sexualbrott', en: 'Sexual offence' },
  ran: { sv: 'Rån', en: 'Robbery' },
  stold: { sv: 'Stöld', en: 'Theft' },
  skadegorelse: { sv: 'Skadegörelse', en: 'Criminal damage' },
  'hot-mot-tjansteman': { sv: 'Hot mot tjänsteman', en: 'Threat against a public official' },
  other: { sv: 'Annat brott', en: 'Other crime' },
};

export const CRIME_FLAGS: Labels = {
  'vald-i-nara-relation': { sv: 'Våld i nära relation', en: 'Domestic violence' },
  gangrelaterat: { sv: 'Gängrelaterat', en: 'Gang-related' },
  hedersrelaterat: { sv: 'Hedersrelaterat', en: 'Honour-related' },
};

/** Report `byGender` keys; any other key is the person's own label (e.g. IB) and is shown as it is. */
export const GENDER_KEYS: Labels = {
  K: { sv: 'Kvinnor', en: 'Women' },
  M: { sv: 'Män', en: 'Men' },
  other: { sv: 'Annat', en: 'Other' },
  unknown: { sv: 'Okänt kön', en: 'Gender unknown' },
};

export const GENDERS: Labels = {
  female: { sv: 'Kvinna', en: 'Woman' },
  male: { sv: 'Man', en: 'Man' },
  other: { sv: 'Annat', en: 'Other' },
  unknown: { sv: 'Okänt kön', en: 'Gender unknown' },
};

export const PERSON_ROLES: Labels = {
  victim: { sv: 'Brottsutsatt', en: 'Victim' },
  witness: { sv: 'Vittne', en: 'Witness' },
  relative: { sv: 'Anhörig', en: 'Relative' },
};

export const ORGS: Labels = {
  stodcentrum: { sv: 'Stödcentrum för unga brottsutsatta', en: 'Stödcentrum (young victims)' },
  'boj-stockholm-gotland': { sv: 'Brottsofferjouren Stockholm-Gotland', en: 'Victim Support Stockholm-Gotland' },
  'boj-sodra-stockholm': { sv: 'Brottsofferjouren Södra Stockholm', en: 'Victim Support Southern Stockholm' },
  'boj-vasterort': { sv: 'Brottsofferjouren Västerort', en: 'Victim Support Västerort' },
  city: { sv: 'Stockholms stad', en: 'City of Stockholm' },
  triage: { sv: 'Triage (staden)', en: 'Triage (the city)' },
};

/** The four parties' short names, where the full one does not fit (chart axes and legends). */
export const ORG_SHORT_NAMES: Labels = {
  stodcentrum: { sv: 'Stödcentrum', en: 'Stödcentrum' },
  'boj-stockholm-gotland': { sv: 'Stockholm-Gotland', en: 'Stockholm-Gotland' },
  'boj-sodra-stockholm': { sv: 'Södra Stockholm', en: 'Southern Stockholm' },
  'boj-vasterort': { sv: 'Västerort', en: 'Västerort' },
};

export const CHANNELS: Labels = {
  phone: { sv: 'Telefon', en: 'Phone' },
  sms: { sv: 'Sms', en: 'Text message' },
  email: { sv: 'E-post', en: 'Email' },
  letter: { sv: 'Brev', en: 'Letter' },
  'social-media': { sv: 'Sociala medier', en: 'Social media' },
  meeting: { sv: 'Möte', en: 'Meeting' },
  accompaniment: { sv: 'Följe', en: 'Accompaniment' },
  'other-actor': { sv: 'Kontakt med annan aktör', en: 'Contact with another organisation' },
};

export const OUTCOMES: Labels = {
  reached: { sv: 'Nådd', en: 'Reached' },
  'no-answer': { sv: 'Inget svar', en: 'No answer' },
  voicemail: { sv: 'Röstbrevlåda', en: 'Voicemail' },
  'wrong-number': { sv: 'Fel nummer', en: 'Wrong number' },
  declined: { sv: 'Avböjde stöd', en: 'Declined support' },
};

export const CLOSURE_REASONS: Labels = {
  'support-given': { sv: 'Stöd givet', en: 'Support given' },
  declined: { sv: 'Avböjde', en: 'Declined' },
  unreachable: { sv: 'Gick inte att nå', en: 'Could not be reached' },
  linked: { sv: 'Länkad vidare', en: 'Linked on' },
  duplicate: { sv: 'Dubblett', en: 'Duplicate' },
  other: { sv: 'Annat', en: 'Other' },
};

export const SOURCES: Labels = {
  handover: { sv: 'Polisen', en: 'The Police' },
  'self-referral': { sv: 'Egen kontakt', en: 'Self-referral' },
  'other-actor': { sv: 'Annan aktör', en: 'Another organisation' },
  link: { sv: 'Länkning', en: 'Link' },
};

export const SLA_RULES: Labels = {
  'first-contact': { sv: 'Första kontakt', en: 'First contact' },
  'reach-attempts': { sv: 'Kontaktförsök', en: 'Reach attempts' },
  triage: { sv: 'Triage väntar', en: 'Triage waiting' },
};

export const SLA_STATES: Labels = {
  ok: { sv: 'I tid', en: 'On time' },
  'at-risk': { sv: 'Riskerar att missas', en: 'At risk' },
  breached: { sv: 'Missad', en: 'Missed' },
};

export const SURVEY_QUESTIONS: Labels = {
  bemotande: { sv: 'Jag blev väl bemött', en: 'I was treated well' },
  information: { sv: 'Jag fick tydlig och saklig information', en: 'I got clear and factual information' },
  hjalp: { sv: 'Jag fick den hjälp jag behövde', en: 'I got the help I needed' },
  rekommendera: { sv: 'Jag skulle rekommendera stödet till andra', en: 'I would recommend the support to others' },
};

/** The report's figures, as the yearly report names them. */
export const REPORT_FIGURES: Labels = {
  handledCases: { sv: 'Hanterade ärenden', en: 'Cases handled' },
  directContacts: { sv: 'Direkta kontakter', en: 'Direct contacts' },
  actions: { sv: 'Åtgärder', en: 'Actions' },
  supportPersons: { sv: 'Stödpersoner', en: 'Support persons' },
  linksReceived: { sv: 'Mottagna länkningar', en: 'Links received' },
};

/** The report's deadline figures per party (`sla`). */
export const REPORT_SLA: Labels = {
  firstContactOnTime: { sv: 'Första kontakt i tid', en: 'First contact on time' },
  firstContactLate: { sv: 'Första kontakt för sent', en: 'First contact late' },
  firstContactOpen: { sv: 'Första kontakt ej avgjord', en: 'First contact not yet decided' },
  reachAttemptsMet: { sv: 'Kontaktförsök uppfyllda', en: 'Reach attempts met' },
  reachAttemptsBreached: { sv: 'Kontaktförsök missade', en: 'Reach attempts missed' },
};

/** Training sessions of support persons, by kind (`trainings`). */
export const TRAINING_KINDS: Labels = {
  basic: { sv: 'Grundutbildningar', en: 'Basic trainings' },
  further: { sv: 'Vidareutbildningar', en: 'Further trainings' },
};

export const LANGUAGES: Labels = {
  sv: { sv: 'svenska', en: 'Swedish' },
  en: { sv: 'engelska', en: 'English' },
  ar: { sv: 'arabiska', en: 'Arabic' },
  so: { sv: 'somaliska', en: 'Somali' },
  fa: { sv: 'persiska', en: 'Persian' },
  ti: { sv: 'tigrinja', en: 'Tigrinya' },
  tr: { sv: 'turkiska', en: 'Turkish' },
  pl: { sv: 'polska', en: 'Polish' },
  fi: { sv: 'finska', en: 'Finnish' },
  es: { sv: 'spanska', en: 'Spanish' },
  ru: { sv: 'ryska', en: 'Russian' },
  uk: { sv: 'ukrainska', en: 'Ukrainian' },
  bs: { sv: 'bosniska', en: 'Bosnian' },
  ku: { sv: 'kurdiska', en: 'Kurdish' },
};

/** What happened in a case, as its history names each event type (`GET /cases/{id}` history). */
export const HISTORY_TYPES: Labels = {
  CaseReceived: { sv: 'Ärendet togs emot', en: 'Case received' },
  TriageResolved: { sv: 'Triage avgjord', en: 'Triage resolved' },
  VolunteerAssigned: { sv: 'Stödperson tilldelad', en: 'Volunteer assigned' },
  VolunteerUnassigned: { sv: 'Stödpersonen togs bort från ärendet', en: 'Volunteer taken off the case' },
  ContactRecorded: { sv: 'Kontakt', en: 'Contact' },
  ContactSafetyChanged: { sv: 'Kontaktsäkerheten ändrades', en: 'Contact safety changed' },
  PersonLinked: { sv: 'Personen länkades', en: 'Person linked' },
  CaseClosed: { sv: 'Ärendet avslutades', en: 'Case closed' },
  PersonalDataErased: { sv: 'Personuppgifterna raderades', en: 'Personal data erased' },
  FirstContactDeadlineMissed: { sv: 'Fristen för första kontakt missades', en: 'First-contact deadline missed' },
  ReachAttemptsDeadlineMissed: { sv: 'Fristen för kontaktförsök missades', en: 'Reach-attempt deadline missed' },
  DeadlineBreachRetracted: { sv: 'Missad frist togs tillbaka', en: 'Missed deadline retracted' },
  TriageWaitExceeded: { sv: 'Triage har väntat för länge', en: 'Triage waited too long' },
};

/** Why a case went where it did (`CaseReceived.reason`). */
export const ROUTING_REASONS: Labels = {
  'age-under-21': { sv: 'Personen är under 21 år', en: 'The person is under 21' },
  'area-covered': { sv: 'Jouren täcker området', en: 'The jour covers the area' },
  'age-unknown': { sv: 'Åldern är okänd', en: 'The age is unknown' },
  'area-not-covered': { sv: 'Ingen jour täcker området', en: 'No jour covers the area' },
  'area-missing': { sv: 'Område saknas', en: 'No area given' },
  registered: { sv: 'Registrerat av organisationen', en: 'Registered by the organisation' },
  linked: { sv: 'Länkat från den andra parten', en: 'Linked from the other party' },
};

/**
 * The routine's questions, word for word, that a user asks the person before acting. Linking:
 * the jour asks before passing the person's contact details on to Stödcentrum (domain brief,
 * "Routing and linking").
 */
export const ROUTINE_QUESTIONS: Labels = {
  'link-consent': {
    sv: 'Är det okej att jag lämnar vidare dina kontaktuppgifter så att de kan kontakta dig?',
    en: 'Is it OK that I pass on your contact details so that they can contact you?',
  },
};

/** The label of `code` in `labels`, or the code itself where none is known (a person's own gender label). */
export function labelOf(labels: Labels, code: string, language: Language): string {
  return labels[code]?.[language] ?? code;
}

/** Why a case waits in triage (CaseReceived `reason` when routed to triage). */
export const TRIAGE_REASONS: Labels = {
  'age-unknown': { sv: 'Åldern är okänd', en: 'Age unknown' },
  'area-missing': { sv: 'Område saknas', en: 'No area given' },
  'area-not-covered': { sv: 'Ingen jour täcker området', en: 'No jour covers the area' },
};
