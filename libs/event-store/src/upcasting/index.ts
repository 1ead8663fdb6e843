export { Upcasters, type Upcaster } from './upcasters';
export { UpcastingEventStore } from './upcasting-event-store';
