import { InitPosting1764028800000 } from './1764028800000-InitPosting';
import { PublishingForReal1764288000000 } from './1764288000000-PublishingForReal';
import { AccountInsights1764374400000 } from './1764374400000-AccountInsights';

/** posting-svc's migrations in order: a new one is appended, never an existing one edited. */
export const POSTING_MIGRATIONS = [InitPosting1764028800000, PublishingForReal1764288000000, AccountInsights1764374400000];
