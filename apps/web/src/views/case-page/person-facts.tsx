import { GENDERS, PERSON_ROLES } from '@referral/labels';
import type { CaseView } from '../../api/types';
import { LanguageLine, PersonContact, usePersonName } from '../../components/person-contact';
import { formatDate } from '../../format/time';
import { useLabel, useLanguage, useT } from '../../i18n/i18n';
import { casePageMessages } from './messages';

/** Who the person is, as far as the API shows it; erased data said as erased. */
export function PersonFacts({ view }: { view: CaseView }) {
  const t = useT(casePageMessages);
  const label = useLabel();
  const { language } = useLanguage();
  const name = usePersonName();
  const { person } = view;
  const erased = person.personalData === 'erased';
  const gender = person.gender === 'other' && person.genderLabel ? person.genderLabel : person.gender ? label(GENDERS, person.gender) : '–';
  return (
    <>
      {erased ? <p className="notice">{t('erasedNotice')}</p> : <p className="person-name"><strong>{name(view)}</strong></p>}
      <dl className="facts">
        <dt>{t('role')}</dt>
        <dd>{person.role ? label(PERSON_ROLES, person.role) : '–'}</dd>
        <dt>{t('gender')}</dt>
        <dd>{gender}</dd>
        {person.personalIdentityNumber && (
          <>
            <dt>{t('pin')}</dt>
            <dd>{person.personalIdentityNumber}</dd>
          </>
        )}
        {person.birthDate && (
          <>
            <dt>{t('birthDate')}</dt>
            <dd>{formatDate(person.birthDate, language)}</dd>
          </>
        )}
      </dl>
      <LanguageLine view={view} />
      <PersonContact view={view} />
    </>
  );
}
