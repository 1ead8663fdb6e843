import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Metrics } from '@referral/platform';
import { INFRA, readYaml } from './support/manifests';

const PROMETHEUS = join(INFRA, 'prometheus');
const RULES = join(PROMETHEUS, 'rules', 'referral.rules.yml');
/** Series Prometheus makes itself for every target. */
const PROMETHEUS_OWN = new Set(['up']);
const PROMQL_WORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'and', 'or', 'unless', 'bool', 'offset']);

/** Every series name the service's registry exports (a histogram as its _bucket, _sum and _count). */
function exportedNames(): Set<string> {
  const names = new Set<string>();
  for (const metric of new Metrics().registry.getMetricsAsArray()) {
    const { name, type } = metric as unknown as { name: string; type: string };
    names.add(name);
    if (type === 'histogram' || type === 'summary') for (const suffix of ['_bucket', '_sum', '_count']) names.add(name + suffix);
  }
  return names;
}

/** The metric names an expression selects: identifiers outside strings, matchers, ranges and label lists, not called. */
function metricNamesIn(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  return [...bare.matchAll(/[A-Za-z_:][A-Za-z0-9_:]*(?![A-Za-z0-9_:])(?!\s*\()/g)]
    .map(([name]) => name)
    .filter((name) => !PROMQL_WORDS.has(name) && !/^\d/.test(name) && !/^(?:\d+[smhdwy])+$/.test(name));
}

function promtool(): string | null {
  const found = spawnSync('promtool', ['--version']);
  return found.status === 0 ? 'promtool' : null;
}

describe('infra/prometheus', () => {
  const groups: Array<{ name: string; rules: Array<{ alert: string; expr: string; for?: string; labels: Record<string, string>; annotations: Record<string, string> }> }> = readYaml(RULES).groups;
  const rules = groups.flatMap((group) => group.rules);

  it('finds the metric names of an expression', () => {
    expect(metricNamesIn('sum by (org) (increase(referral_x_total{rule!="a"}[1h])) >= 3')).toEqual(['referral_x_total']);
    expect(metricNamesIn('absent(referral_q) or up{job=~"r-.*"} == 0')).toEqual(['referral_q', 'up']);
  });

  it('names in every alert only metrics the service exports (or Prometheus makes)', () => {
    const known = exportedNames();
    for (const rule of rules) {
      const unknown = metricNamesIn(rule.expr).filter((name) => !known.has(name) && !PROMETHEUS_OWN.has(name));
      expect({ alert: rule.alert, unknown }).toEqual({ alert: rule.alert, unknown: [] });
      expect(metricNamesIn(rule.expr).length).toBeGreaterThan(0);
    }
  });

  it('has alerts for breaches per org, lag, queue depth and a stuck deadline worker, each with a severity and a summary', () => {
    expect(rules.map((r) => r.alert)).toEqual(expect.arrayContaining([
      'ReferralDeadlineBreaches', 'ReferralComponentLagging', 'ReferralComponentBacklog', 'ReferralDeadlineQueueBacklog', 'ReferralDeadlineWorkerStuck',
    ]));
    for (const rule of rules) {
      expect(['warning', 'critical']).toContain(rule.labels.severity);
      expect(rule.annotations.summary).toEqual(expect.any(String));
    }
    expect(rules.find((r) => r.alert === 'ReferralDeadlineBreaches')!.expr).toMatch(/by \(org\)/);
  });

  const tool = promtool();
  // .ci/run installs Debian's prometheus package, which brings promtool; elsewhere it is optional:
  // a developer machine without it skips this one check (named in the output), while CI fails.
  if (!tool) {
    if (process.env.CI) it('has promtool in CI', () => expect(tool).toBe('promtool'));
    else it.skip('checks the rules and the scrape configuration with promtool (promtool not installed)', () => undefined);
    return;
  }

  it('passes promtool: the scrape configuration, the rule files and the rules\' own tests', () => {
    const run = (args: string[], cwd: string) => execFileSync(tool, args, { cwd, encoding: 'utf8', stdio: 'pipe' });
    expect(run(['check', 'config', 'prometheus.yml'], PROMETHEUS)).toContain('SUCCESS');
    expect(run(['test', 'rules', 'referral.rules.test.yml'], join(PROMETHEUS, 'rules'))).toContain('SUCCESS');
  });
});
