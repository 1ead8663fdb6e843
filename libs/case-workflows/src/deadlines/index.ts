export * from './case-history';
export * from './desired-timers';
export * from './deadline-checker';
export * from './deadline-timer-reaction';
export * from './sla-change-reaction';
