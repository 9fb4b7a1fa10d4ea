import { InitScheduler1764028800000 } from './1764028800000-InitScheduler';
import { MissedPosts1764288000000 } from './1764288000000-MissedPosts';
import { SlotModels1764374400000 } from './1764374400000-SlotModels';

/** scheduler-svc's migrations in order: a new one is appended, never an existing one edited. */
export const SCHEDULER_MIGRATIONS = [InitScheduler1764028800000, MissedPosts1764288000000, SlotModels1764374400000];
