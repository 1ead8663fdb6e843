import { join } from 'node:path';
import { appImportViolations, importSpecifiers, violationOf } from '../support/app-imports';

const REPO = join(__dirname, '..', '..');
const at = (path: string) => join(REPO, path);

describe('no app imports another (see the rule in test/support/app-imports.ts)', () => {
  it('holds for every file under apps/ and libs/', async () => {
    expect(await appImportViolations(REPO)).toEqual([]);
  });

  it('finds every form of import', () => {
    const source = [
      `import { a } from './a';`,
      `import type {\n  B,\n  C,\n} from "../b";`,
      `import './side-effect';`,
      `export * from '../../worker/src/c';`,
      `const d = require('./d');`,
      `const e = await import('../e');`,
      `jest.mock('./f');`,
      `import g from '@referral/platform';`,
    ].join('\n');
    expect(importSpecifiers(source).sort()).toEqual(['../../worker/src/c', '../b', '../e', './a', './d', './f', './side-effect', '@referral/platform'].sort());
  });

  it('tells an import that crosses from one app into another', () => {
    const api = at('apps/api/src/admin/projections.controller.ts');
    expect(violationOf(REPO, api, '../../../worker/src/projections/projections-host')).toEqual({
      file: 'apps/api/src/admin/projections.controller.ts', specifier: '../../../worker/src/projections/projections-host', reaches: 'worker',
    });
    expect(violationOf(REPO, api, 'apps/worker/src/worker.module')).toMatchObject({ reaches: 'worker' });
    expect(violationOf(REPO, at('apps/worker/src/main.ts'), '../../main')).toMatchObject({ reaches: 'apps' });
    expect(violationOf(REPO, at('apps/web/src/main.tsx'), '../../api/src/http/error-body')).toMatchObject({ reaches: 'api' });
    expect(violationOf(REPO, at('libs/projections/src/rebuild.ts'), '../../../apps/worker/src/main')).toMatchObject({ reaches: 'worker' });
    expect(violationOf(REPO, at('apps/cli/rebuild.ts'), '../web/src/app')).toMatchObject({ reaches: 'web' });
  });

  it('lets an app import itself, the libraries and packages; apps/main.ts compose any app; the CLI the API and the worker', () => {
    const api = at('apps/api/src/admin/projections.controller.ts');
    expect(violationOf(REPO, api, '../http/api-exception')).toBeNull();
    expect(violationOf(REPO, api, '../../../../libs/case/testing/synthetic-personnummer')).toBeNull();
    expect(violationOf(REPO, api, '../../../../config/policy/access.v1.json')).toBeNull();
    expect(violationOf(REPO, api, '@referral/projections')).toBeNull();
    expect(violationOf(REPO, at('apps/main.ts'), './worker/src/worker.module')).toBeNull();
    expect(violationOf(REPO, at('apps/cli/admin-token.ts'), '../api/src/web/operator-token')).toBeNull();
    expect(violationOf(REPO, at('apps/cli/admin-token.ts'), '../worker/src/worker.module')).toBeNull();
  });
});
