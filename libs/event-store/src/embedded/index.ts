export { openEmbeddedEventStore, type EmbeddedEventStore } from './open-embedded-event-store';
export { acquireDataDirLock, type DataDirLock } from './data-dir-lock';
