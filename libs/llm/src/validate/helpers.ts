import { CONTENT_TYPES, PLATFORM_LIMITS } from '@app/contracts';
import type { ContentType, Platform, PlatformLimits } from '@app/contracts';

export type Obj = Record<string, unknown>;

export const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Collects human-readable errors, each prefixed with the field path. */
export class Problems {
  readonly list: string[] = [];

  add(path: string, message: string): void {
    this.list.push(`${path}: ${message}`);
  }

  /** A non-empty string field, or undefined (and an error). */
  string(obj: Obj, key: string, path: string): string | undefined {
    const value = obj[key];
    if (value === undefined || value === null) this.add(`${path}.${key}`.replace(/^\./, ''), 'is missing');
    else if (typeof value !== 'string') this.add(`${path}.${key}`.replace(/^\./, ''), `must be a string, got ${typeof value}`);
    else if (value.trim().length === 0) this.add(`${path}.${key}`.replace(/^\./, ''), 'must not be empty');
    else return value;
    return undefined;
  }

  /** An array field with a length between min and max, or undefined (and an error). */
  array(obj: Obj, key: string, path: string, min = 0, max = Infinity): unknown[] | undefined {
    const at = `${path}.${key}`.replace(/^\./, '');
    const value = obj[key];
    if (value === undefined || value === null) this.add(at, 'is missing');
    else if (!Array.isArray(value)) this.add(at, `must be an array, got ${typeof value}`);
    else {
      if (value.length < min) this.add(at, `needs at least ${min} item${min === 1 ? '' : 's'}, got ${value.length}`);
      if (value.length > max) this.add(at, `allows at most ${max} items, got ${value.length}`);
      return value;
    }
    return undefined;
  }

  object(value: unknown, path: string): Obj | undefined {
    if (isObject(value)) return value;
    this.add(path, `must be an object, got ${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value}`);
    return undefined;
  }
}

export const PLATFORM_NAMES: Record<Platform, string> = {
  x: 'X',
  instagram: 'Instagram',
  facebook: 'Facebook',
  linkedin: 'LinkedIn',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
};

/** What a length is counted in under each rule, as messages to the model name it. */
export const LENGTH_UNITS: Record<PlatformLimits['lengthCounting'], string> = {
  'x-weighted': 'weighted characters',
  'code-points': 'characters',
  graphemes: 'graphemes',
};

/** Formats a platform supports: threads only where threads exist, text-only posts only where no visual is required. */
export function formatsFor(platform: Platform): readonly ContentType[] {
  const limits = PLATFORM_LIMITS[platform];
  return CONTENT_TYPES.filter((t) => (t !== 'thread' || limits.maxThreadParts > 1) && (t !== 'single' || !limits.requiresVisual));
}

export const HASHTAG = /^#[\p{L}\p{M}\p{N}_]*[\p{L}\p{M}][\p{L}\p{M}\p{N}_]*$/u;
