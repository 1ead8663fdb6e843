export * from './backoff';
export * from './sleep';
export * from './retry-forever';
export * from './error-fields';
export * from './failure-streak';
export * from './background-loop';
