export * from './case-fixtures';
export * from './decider-spec';
export * from './synthetic-personnummer';
