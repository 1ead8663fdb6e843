export * from './deterministic-id';
export * from './linked-case-opener';
export * from './linked-case-reaction';
export * from './reactor';
export * from './event-sourced-stream';
export * from './sla-changes';
export * from './deadlines';
export * from './append-new-stream';
