import { InitGateway1764028800000 } from './1764028800000-InitGateway';
import { PublishingLifecycle1764288000000 } from './1764288000000-PublishingLifecycle';
import { Recommendations1764374400000 } from './1764374400000-Recommendations';

/** gateway's migrations in order: a new one is appended, never an existing one edited. */
export const GATEWAY_MIGRATIONS = [InitGateway1764028800000, PublishingLifecycle1764288000000, Recommendations1764374400000];
