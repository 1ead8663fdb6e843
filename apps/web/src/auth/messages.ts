import type { Messages } from '../i18n/i18n';

export const signInMessages: Messages<
  'title' | 'intro' | 'demoTitle' | 'demoIntro' | 'org' | 'role' | 'volunteer' | 'chooseVolunteer' | 'noVolunteers' | 'signIn' | 'oidc' | 'none' | 'failed' | 'finishing'
  | 'role.volunteer' | 'role.coordinator' | 'role.staff' | 'role.analyst' | 'role.admin'
> = {
  sv: {
    title: 'Logga in',
    intro: 'Referral är stadens tjänst för att brottsutsatta ska få stöd. Logga in med ditt konto.',
    demoTitle: 'Demoläge',
    demoIntro: 'Det här är en demo med påhittade ärenden. Välj en organisation och en roll att logga in som.',
    org: 'Organisation',
    role: 'Roll',
    volunteer: 'Stödperson',
    chooseVolunteer: 'Välj stödperson',
    noVolunteers: 'Organisationen har inga aktiva stödpersoner.',
    signIn: 'Logga in',
    oidc: 'Logga in med stadens inloggning',
    none: 'Inloggning är inte inställd för den här tjänsten. Be driften ange AUTH_JWT_ISSUER och WEB_OIDC_CLIENT_ID.',
    failed: 'Inloggningen misslyckades: {message}',
    finishing: 'Loggar in …',
    'role.volunteer': 'Stödperson (volontär)',
    'role.coordinator': 'Samordnare',
    'role.staff': 'Personal (Stödcentrum)',
    'role.analyst': 'Analytiker (statistik)',
    'role.admin': 'Administratör',
  },
  en: {
    title: 'Sign in',
    intro: "Referral is the city's service that gets crime victims support. Sign in with your account.",
    demoTitle: 'Demo mode',
    demoIntro: 'This is a demo with invented cases. Pick an organisation and a role to sign in as.',
    org: 'Organisation',
    role: 'Role',
    volunteer: 'Volunteer',
    chooseVolunteer: 'Choose a volunteer',
    noVolunteers: 'The organisation has no active volunteers.',
    signIn: 'Sign in',
    oidc: "Sign in with the city's sign-in",
    none: 'Sign-in is not set up for this service. Ask operations to set AUTH_JWT_ISSUER and WEB_OIDC_CLIENT_ID.',
    failed: 'Sign-in failed: {message}',
    finishing: 'Signing in …',
    'role.volunteer': 'Volunteer (support person)',
    'role.coordinator': 'Coordinator',
    'role.staff': 'Staff (Stödcentrum)',
    'role.analyst': 'Analyst (statistics)',
    'role.admin': 'Administrator',
  },
};
