/** Injection tokens for the infrastructure every app shares. */
export const CONFIG = Symbol('CONFIG');
export const EVENT_STORE = Symbol('EVENT_STORE');
/** The PostgreSQL (server or PGlite) database that holds the read models and checkpoints. */
export const READ_MODEL_DB = Symbol('READ_MODEL_DB');
export const REDIS = Symbol('REDIS');
/** The PersonalDataVault: seals, opens and erases personal data. */
export const PERSONAL_DATA_VAULT = Symbol('PERSONAL_DATA_VAULT');
export const BACKENDS = Symbol('BACKENDS');
export const LOGGER = Symbol('LOGGER');
export const CLOCK = Symbol('CLOCK');
/** The event store's own id (`readOrAssignStoreIdentity`), which names what must not mix two stores. */
export const STORE_IDENTITY = Symbol('STORE_IDENTITY');
