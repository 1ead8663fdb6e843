export * from './sealed-value';
export * from './master-key-ring';
export * from './subject-key-store';
export * from './sql-subject-key-store';
export * from './personal-data-vault';
export * from './sealing-event-store';
export * from './open-vault';
export * from './keyed-digest';
