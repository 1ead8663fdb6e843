import { lazy, type ReactNode } from 'react';
import type { Claims } from './auth/claims';
import { MyCasesPage } from './views/my-cases/my-cases-page';
import { IncomingPage } from './views/incoming/incoming-page';
import { DeadlinesPage } from './views/deadlines/deadlines-page';
import { TriagePage } from './views/triage/triage-page';
import { VolunteersPage } from './views/volunteers/volunteers-page';
import { CasePage } from './views/case-page/case-page';

// The statistics and its charts load only when opened, so the first load stays small.
const StatisticsPage = lazy(() => import('./views/statistics/statistics-page').then((m) => ({ default: m.StatisticsPage })));

export interface RouteDef {
  pattern: string;
  /** Who may open it; the API still decides what they see. */
  allowed(claims: Claims): boolean;
  render(params: Record<string, string>): ReactNode;
}

const has = (claims: Claims, ...roles: string[]) => claims.roles.some((r) => roles.includes(r));

/** The signed-in pages. The survey and sign-in pages are outside (no session). */
export const ROUTES: RouteDef[] = [
  { pattern: '/my-cases', allowed: (c) => has(c, 'volunteer'), render: () => <MyCasesPage /> },
  { pattern: '/incoming', allowed: (c) => has(c, 'staff', 'coordinator'), render: () => <IncomingPage /> },
  { pattern: '/deadlines', allowed: (c) => has(c, 'coordinator'), render: () => <DeadlinesPage /> },
  { pattern: '/triage', allowed: (c) => has(c, 'coordinator') && c.org === 'city', render: () => <TriagePage /> },
  { pattern: '/volunteers', allowed: (c) => has(c, 'coordinator'), render: () => <VolunteersPage /> },
  { pattern: '/statistics', allowed: (c) => has(c, 'coordinator', 'analyst'), render: () => <StatisticsPage /> },
  { pattern: '/cases/:caseId', allowed: (c) => has(c, 'volunteer', 'coordinator', 'staff'), render: (p) => <CasePage caseId={p.caseId!} /> },
];
