import { describe, expect, it } from 'vitest';
import { suggestionLines } from './suggestions';

const items = [
  { volunteerId: 'v-amal', displayName: 'Amal', languages: ['sv', 'ar'], openCases: 3, speaksPreferredLanguage: true },
  { volunteerId: 'v-bo', displayName: 'Bo', languages: ['sv'], openCases: 0, speaksPreferredLanguage: false },
];

describe('volunteer suggestions as shown', () => {
  it("keeps the API's order, marks who speaks the person's language and lists it first among theirs", () => {
    const lines = suggestionLines(items, 'ar', 'v-bo', '(namn saknas)');
    expect(lines).toEqual([
      { volunteerId: 'v-amal', name: 'Amal', speaks: 'ar', languages: ['ar', 'sv'], openCases: 3, current: false },
      { volunteerId: 'v-bo', name: 'Bo', speaks: null, languages: ['sv'], openCases: 0, current: true },
    ]);
  });

  it('takes a person without a preferred language as Swedish-speaking, as the API does, and names the unnamed', () => {
    const lines = suggestionLines([{ ...items[1]!, displayName: undefined as never, speaksPreferredLanguage: true }], undefined, null, '(namn saknas)');
    expect(lines[0]).toMatchObject({ name: '(namn saknas)', speaks: 'sv', languages: ['sv'] });
  });
});
