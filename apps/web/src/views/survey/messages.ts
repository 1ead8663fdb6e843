import type { Messages } from '../../i18n/i18n';

export type SurveyKey =
  | 'header' | 'title' | 'intro' | 'privacy' | 'scale' | 'low' | 'high' | 'clear' | 'comment' | 'commentHint' | 'send' | 'sending'
  | 'errorNoScore' | 'errorBusy' | 'errorFailed' | 'thanksTitle' | 'thanksText' | 'answeredTitle' | 'answeredText'
  | 'unknownTitle' | 'unknownText' | 'again' | 'checking';

export const surveyMessages: Messages<SurveyKey> = {
  sv: {
    header: 'Stöd till brottsutsatta i Stockholm',
    title: 'Vad tyckte du om stödet?',
    intro: 'Vi vill gärna veta hur du upplevde stödet du fick. Det tar någon minut. Svara på de påståenden du vill – du kan hoppa över resten.',
    privacy: 'Dina svar visas inte tillsammans med ditt ärende. De räknas ihop med andras svar.',
    scale: '1 = stämmer inte alls, 5 = stämmer helt',
    low: 'stämmer inte alls',
    high: 'stämmer helt',
    clear: 'Ta bort mitt svar här',
    comment: 'Kommentar (frivilligt)',
    commentHint: 'Vill du berätta mer? Kommentaren visas inte tillsammans med ditt ärende. Skriv inte ditt namn eller annat som visar vem du är.',
    send: 'Skicka svaren',
    sending: 'Skickar …',
    errorNoScore: 'Välj en siffra för minst ett påstående innan du skickar.',
    errorBusy: 'Just nu kommer många svar. Vänta en minut och försök igen – dina val finns kvar.',
    errorFailed: 'Svaren gick inte att skicka. Kontrollera anslutningen och försök igen – dina val finns kvar.',
    thanksTitle: 'Tack för dina svar!',
    thanksText: 'Dina svar hjälper oss att göra stödet bättre. Du kan stänga sidan nu.',
    answeredTitle: 'Enkäten är redan besvarad',
    answeredText: 'Den här länken har redan använts för att svara, och varje länk kan bara användas en gång. Tack för att du tog dig tid!',
    unknownTitle: 'Länken fungerar inte',
    unknownText: 'Vi hittar ingen enkät för den här länken. Kanske har den gått ut – en länk gäller i 60 dagar – eller så kom inte hela adressen med. Prova att öppna hela länken igen.',
    again: 'Behöver du prata med någon igen är du välkommen att höra av dig till dem som gav dig stöd.',
    checking: 'Öppnar enkäten …',
  },
  en: {
    header: 'Support for crime victims in Stockholm',
    title: 'What did you think of the support?',
    intro: 'We would like to know how you found the support you got. It takes a minute or two. Answer the statements you want to – you may skip the rest.',
    privacy: 'Your answers are not shown beside your case. They are counted together with other people’s answers.',
    scale: '1 = not true at all, 5 = completely true',
    low: 'not true at all',
    high: 'completely true',
    clear: 'Remove my answer here',
    comment: 'Comment (optional)',
    commentHint: 'Would you like to tell us more? The comment is not shown beside your case. Do not write your name or anything else that shows who you are.',
    send: 'Send the answers',
    sending: 'Sending …',
    errorNoScore: 'Choose a number for at least one statement before you send.',
    errorBusy: 'Many answers are arriving right now. Wait a minute and try again – your choices are kept.',
    errorFailed: 'The answers could not be sent. Check the connection and try again – your choices are kept.',
    thanksTitle: 'Thank you for your answers!',
    thanksText: 'Your answers help us make the support better. You may close the page now.',
    answeredTitle: 'The survey is already answered',
    answeredText: 'This link has already been used to answer, and each link can be used once. Thank you for taking the time!',
    unknownTitle: 'The link does not work',
    unknownText: 'We find no survey for this link. It may have expired – a link is valid for 60 days – or the whole address did not come along. Try opening the whole link again.',
    again: 'If you need to talk to someone again, you are welcome to contact the people who supported you.',
    checking: 'Opening the survey …',
  },
};
