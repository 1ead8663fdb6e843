import { FieldProblem } from '../shared/domain-error';

/** Every ISO 639-1 (two-letter) language code, as the registration authority lists them. */
export const ISO_639_1_CODES: readonly string[] = `
aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy
da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht
hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky
la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny
oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss
st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo
za zh zu`.trim().split(/\s+/);

const CODES: ReadonlySet<string> = new Set(ISO_639_1_CODES);

/** A volunteer registered without languages speaks Swedish. */
export const DEFAULT_LANGUAGES: readonly string[] = ['sv'];

/**
 * The problems of a language list as `languages[i]` paths: each entry an ISO 639-1 code
 * (lower case, as the standard writes them), none twice, at least one.
 */
export function languageProblems(languages: readonly string[], field = 'languages'): FieldProblem[] {
  const problems: FieldProblem[] = languages.length === 0 ? [{ path: field, message: 'must list at least one language' }] : [];
  const seen = new Set<string>();
  languages.forEach((code, index) => {
    const path = `${field}[${index}]`;
    if (!CODES.has(code)) problems.push({ path, message: 'is not an ISO 639-1 language code' });
    else if (seen.has(code)) problems.push({ path, message: 'is listed twice' });
    seen.add(code);
  });
  return problems;
}
