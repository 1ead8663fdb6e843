import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

export const INFRA = join(__dirname, '..', '..', '..', 'infra');
export const K8S = join(INFRA, 'k8s');

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec?: any;
  data?: Record<string, string>;
  file: string;
}

/** Parses a YAML file, failing on any YAML error or warning. */
export function readYaml(path: string): any {
  return parse(readFileSync(path, 'utf8'), { strict: true, prettyErrors: true });
}

export function kustomization(): { resources: string[]; namespace: string; [key: string]: unknown } {
  return readYaml(join(K8S, 'kustomization.yaml'));
}

/** Every object of every file the kustomization lists. */
export function manifests(): K8sObject[] {
  return kustomization().resources.flatMap((file) =>
    parseAllDocuments(readFileSync(join(K8S, file), 'utf8')).map((doc) => {
      if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
      return { ...(doc.toJS() as Omit<K8sObject, 'file'>), file };
    }),
  );
}

export function find(kind: string, name: string): K8sObject {
  const object = manifests().find((o) => o.kind === kind && o.metadata.name === name);
  if (!object) throw new Error(`no ${kind} ${name} in infra/k8s`);
  return object;
}

/** Whether a label selector's matchLabels all hold for the labels. */
export function selects(selector: { matchLabels?: Record<string, string> }, labels: Record<string, string> = {}): boolean {
  const wanted = Object.entries(selector.matchLabels ?? {});
  return wanted.length > 0 && wanted.every(([key, value]) => labels[key] === value);
}
