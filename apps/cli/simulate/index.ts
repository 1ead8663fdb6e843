export { simulate, checkPeriod, InvalidSimulationError, type SimulateOptions, type SimulationResult } from './simulate';
export { plan, type PlanOptions } from './plan/plan';
export type { SimulationPlan, PlannedStep } from './plan/plan-types';
export { simulationConfig, readSimulationConfig, DEFAULT_SIMULATION_CONFIG, type SimulationConfig } from './simulation-config';
export { formatTally, type Tally } from './run/tally';
export { stderrProgress, silentProgress } from './run/progress';
