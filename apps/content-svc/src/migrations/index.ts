import { InitContent1764028800000 } from './1764028800000-InitContent';
import { AddLlmResultsContent1764115200000 } from './1764115200000-AddLlmResultsContent';

/** content-svc's migrations in order: a new one is appended, never an existing one edited. */
export const CONTENT_MIGRATIONS = [InitContent1764028800000, AddLlmResultsContent1764115200000];
