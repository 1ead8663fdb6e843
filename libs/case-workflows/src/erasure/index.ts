export * from './subject-keys';
export * from './key-erasure-reaction';
export * from './retention-policy';
export * from './retention-sweep';
