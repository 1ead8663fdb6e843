import { readFileSync } from 'node:fs';
import defaultConfig from '../../../config/simulation/default.json';

/** Volumes and mixes of a simulation: `config/simulation/default.json` and files shaped like it. */
export type SimulationConfig = typeof defaultConfig;

export interface Range {
  readonly from: number;
  readonly to: number;
}

export const DEFAULT_SIMULATION_CONFIG: SimulationConfig = defaultConfig;

/** A deep partial of the configuration: only what a test or a file wants to change. */
export type ConfigOverrides = { [K in keyof SimulationConfig]?: Partial<SimulationConfig[K]> };

/** The default configuration with `overrides` laid over it, one section at a time. */
export function simulationConfig(overrides: ConfigOverrides = {}): SimulationConfig {
  const merged: Record<string, unknown> = { ...defaultConfig };
  for (const [section, values] of Object.entries(overrides)) {
    const base = (defaultConfig as Record<string, unknown>)[section];
    merged[section] = isPlainObject(base) && isPlainObject(values) ? { ...base, ...values } : values;
  }
  return merged as SimulationConfig;
}

/** Reads a configuration file; whatever it leaves out comes from the defaults. */
export function readSimulationConfig(path: string): SimulationConfig {
  return simulationConfig(JSON.parse(readFileSync(path, 'utf8')) as ConfigOverrides);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
