import { decideCase } from './decide-case';
import { evolveCase } from './evolve-case';
import { initialCaseState } from './case-state';

/** The case lifecycle as one value: load with `evolve` from `initialState`, then `decide`. */
export const caseDecider = {
  decide: decideCase,
  evolve: evolveCase,
  initialState: initialCaseState,
} as const;
