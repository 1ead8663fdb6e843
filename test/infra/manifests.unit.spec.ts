import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as apps from 'kubernetes-models/apps/v1';
import * as core from 'kubernetes-models/v1';
import * as policy from 'kubernetes-models/policy/v1';
import { K8S, find, kustomization, manifests, selects } from './support/manifests';

const MODELS: Record<string, Record<string, new (data: any) => { validate(): void }>> = {
  'apps/v1': apps as any,
  v1: core as any,
  'policy/v1': policy as any,
};

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? yamlFilesUnder(path) : path.endsWith('.yaml') ? [relative(K8S, path)] : [];
  });
}

describe('infra/k8s', () => {
  it('lists every manifest in the kustomization, and nothing that is not there', () => {
    const listed = kustomization().resources;
    expect([...listed].sort()).toEqual(yamlFilesUnder(K8S).filter((f) => f !== 'kustomization.yaml').sort());
    expect(kustomization().namespace).toBe('referral');
  });

  it('validates every object against the Kubernetes schema of its kind', () => {
    for (const { file, ...object } of manifests()) {
      const Model = MODELS[object.apiVersion]?.[object.kind];
      if (!Model) throw new Error(`${file}: no schema for ${object.apiVersion} ${object.kind}`);
      try {
        new Model(object).validate();
      } catch (error) {
        throw new Error(`${file} (${object.kind} ${object.metadata.name}): ${String((error as Error).message)}`);
      }
    }
  });

  it('holds no Secret and no literal secret value: those come from the Secret referral-secrets', () => {
    const objects = manifests();
    expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
    const secretNames = ['DATABASE_URL', 'KURRENTDB_CONNECTION_STRING', 'AUTH_JWT_SECRET', 'PII_MASTER_KEY'];
    expect(Object.keys(find('ConfigMap', 'referral-config').data ?? {}).filter((k) => secretNames.includes(k))).toEqual([]);
    for (const name of ['api', 'worker']) {
      const [container] = find('Deployment', name).spec.template.spec.containers;
      expect(container.envFrom).toContainEqual({ secretRef: { name: 'referral-secrets' } });
      expect((container.env ?? []).filter((e: { name: string }) => secretNames.includes(e.name))).toEqual([]);
    }
  });

  describe.each([
    ['api', 3000],
    ['worker', 3001],
  ])('%s', (name, port) => {
    const deployment = () => find('Deployment', name);
    const container = () => deployment().spec.template.spec.containers[0];

    it('runs the built service on its port', () => {
      expect(container().command).toEqual(['node', '-r', './dist/apps/runtime/register-path-aliases.js', `dist/apps/${name}/src/main.js`]);
      expect(container().ports).toEqual([{ name: 'http', containerPort: port }]);
    });

    it('is ready by its health and alive by its port, so a backend that is down restarts nothing', () => {
      expect(container().readinessProbe.httpGet).toEqual({ path: '/api/v1/health', port: 'http' });
      expect(container().livenessProbe).toMatchObject({ tcpSocket: { port: 'http' } });
      expect(container().livenessProbe.httpGet).toBeUndefined();
      expect(container().startupProbe).toMatchObject({ tcpSocket: { port: 'http' } });
    });

    it('has resource requests and limits', () => {
      const { requests, limits } = container().resources;
      for (const amounts of [requests, limits]) expect(amounts).toEqual({ cpu: expect.anything(), memory: expect.any(String) });
    });

    it('has more than one replica and a PodDisruptionBudget that selects its pods', () => {
      expect(deployment().spec.replicas).toBeGreaterThan(1);
      const labels = deployment().spec.template.metadata.labels;
      expect(selects(deployment().spec.selector, labels)).toBe(true);
      const budgets = manifests().filter((o) => o.kind === 'PodDisruptionBudget' && selects(o.spec.selector, labels));
      expect(budgets.map((b) => b.metadata.name)).toEqual([name]);
    });

    it('is found by Prometheus through a headless Service on its metrics port', () => {
      const service = find('Service', `${name}-pods`);
      expect(service.spec.clusterIP).toBe('None');
      expect(selects({ matchLabels: service.spec.selector }, deployment().spec.template.metadata.labels)).toBe(true);
      expect(service.spec.ports).toEqual([{ name: 'http', port, targetPort: 'http' }]);
    });
  });

  it('runs Redis with maxmemory-policy noeviction and no persistence', () => {
    const [redis] = find('Deployment', 'redis').spec.template.spec.containers;
    const args: string[] = redis.args;
    expect(args[args.indexOf('--maxmemory-policy') + 1]).toBe('noeviction');
    expect(args).toContain('--maxmemory');
    expect(args[args.indexOf('--save') + 1]).toBe('');
    expect(redis.resources.limits.memory).toBeDefined();
  });

  it('runs KurrentDB as a 3-node cluster discovered through its headless Service, with a quorum-keeping budget', () => {
    const cluster = find('StatefulSet', 'kurrentdb');
    expect(cluster.spec.replicas).toBe(3);
    const env = Object.fromEntries(cluster.spec.template.spec.containers[0].env.map((e: { name: string; value?: string }) => [e.name, e.value]));
    expect(env).toMatchObject({ KURRENTDB_CLUSTER_SIZE: '3', KURRENTDB_DISCOVER_VIA_DNS: 'true', KURRENTDB_CLUSTER_DNS: 'kurrentdb.referral.svc.cluster.local' });
    expect(env.KURRENTDB_INSECURE).toBeUndefined();
    const headless = find('Service', cluster.spec.serviceName);
    expect(headless.spec).toMatchObject({ clusterIP: 'None', publishNotReadyAddresses: true });
    expect(find('PodDisruptionBudget', 'kurrentdb').spec.maxUnavailable).toBe(1);
  });
});
