export { FeedWindow, type WindowAnswer } from './feed-window';
export { SharedFeed, type SharedFeedOptions } from './shared-feed';
export { SharedFeedEventStore } from './shared-feed-event-store';
