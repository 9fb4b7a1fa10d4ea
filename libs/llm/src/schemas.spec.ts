import { OfflineLlmProvider } from './offline/offline.provider';
import { STEP_OUTPUT_SCHEMAS } from './schemas';
import { SAMPLE_SPEC } from './testing/specs';

type Schema = Record<string, unknown>;
const ALLOWED = new Set(['type', 'properties', 'required', 'items', 'enum', 'description', 'minItems', 'maxItems']);

/** Every keyword used anywhere in a schema (property names themselves excluded). */
function keywords(schema: Schema, out = new Set<string>()): Set<string> {
  for (const [key, value] of Object.entries(schema)) {
    out.add(key);
    if (key === 'properties') for (const child of Object.values(value as Record<string, Schema>)) keywords(child, out);
    if (key === 'items') keywords(value as Schema, out);
  }
  return out;
}

/** A small checker for the same subset, to prove the offline output conforms to the published schemas. */
function conforms(schema: Schema, value: unknown, path = '$'): string[] {
  const type = schema.type as string;
  const actual = Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
  if (type !== actual && !(type === 'number' && actual === 'integer')) return [`${path}: expected ${type}, got ${actual}`];
  const errors: string[] = [];
  if (schema.enum && !(schema.enum as unknown[]).includes(value)) errors.push(`${path}: ${String(value)} not in enum`);
  if (type === 'array') {
    const list = value as unknown[];
    if (typeof schema.minItems === 'number' && list.length < schema.minItems) errors.push(`${path}: fewer than ${schema.minItems}`);
    if (typeof schema.maxItems === 'number' && list.length > schema.maxItems) errors.push(`${path}: more than ${schema.maxItems}`);
    list.forEach((item, i) => errors.push(...conforms(schema.items as Schema, item, `${path}[${i}]`)));
  }
  if (type === 'object') {
    const obj = value as Record<string, unknown>;
    const props = schema.properties as Record<string, Schema>;
    for (const key of (schema.required as string[]) ?? []) if (!(key in obj)) errors.push(`${path}.${key}: required`);
    for (const [key, v] of Object.entries(obj)) {
      if (!props[key]) errors.push(`${path}.${key}: not in schema`);
      else errors.push(...conforms(props[key], v, `${path}.${key}`));
    }
  }
  return errors;
}

describe('STEP_OUTPUT_SCHEMAS', () => {
  it('covers every step and uses only the keywords structured-output APIs accept', () => {
    expect(Object.keys(STEP_OUTPUT_SCHEMAS).sort()).toEqual(['content.write', 'creative.design', 'strategy.plan']);
    for (const schema of Object.values(STEP_OUTPUT_SCHEMAS)) {
      expect([...keywords(schema)].filter((k) => !ALLOWED.has(k))).toEqual([]);
      expect(schema.type).toBe('object');
    }
  });

  it('lists only declared properties as required', () => {
    const check = (schema: Schema) => {
      if (schema.properties) {
        const props = Object.keys(schema.properties as object);
        for (const key of (schema.required as string[]) ?? []) expect(props).toContain(key);
        Object.values(schema.properties as Record<string, Schema>).forEach(check);
      }
      if (schema.items) check(schema.items as Schema);
    };
    Object.values(STEP_OUTPUT_SCHEMAS).forEach(check);
  });

  it('describes what the offline provider produces, and rejects what it should', () => {
    const provider = new OfflineLlmProvider();
    const strategy = provider.run('strategy.plan', { spec: SAMPLE_SPEC });
    const content = provider.run('content.write', { spec: SAMPLE_SPEC, strategy });
    const posts = content.posts.map((p, i) => ({ id: `p${i}`, platform: p.platform, contentType: p.contentType, pillar: p.pillar, text: p.text, hashtags: p.hashtags }));
    const creative = provider.run('creative.design', { spec: SAMPLE_SPEC, pillars: strategy.pillars, posts });
    expect(conforms(STEP_OUTPUT_SCHEMAS['strategy.plan'], strategy)).toEqual([]);
    expect(conforms(STEP_OUTPUT_SCHEMAS['content.write'], content)).toEqual([]);
    expect(conforms(STEP_OUTPUT_SCHEMAS['creative.design'], creative)).toEqual([]);
    expect(conforms(STEP_OUTPUT_SCHEMAS['content.write'], { posts: [{ ...content.posts[0], platform: 'tiktok' }] })).toEqual(['$.posts[0].platform: tiktok not in enum']);
    expect(conforms(STEP_OUTPUT_SCHEMAS['strategy.plan'], { ...strategy, pillars: [] })).toEqual(['$.pillars: fewer than 3']);
  });
});
