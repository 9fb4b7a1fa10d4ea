import type { CreativeStepInput } from '../llm.port';
import { Problems } from './helpers';

export const MAX_ALT_TEXT = 250;

/** Structure of a `creative.design` output: exactly one visual per input post, alt text within 250 characters. */
export function validateCreative(input: CreativeStepInput, value: unknown): string[] {
  const problems = new Problems();
  const root = problems.object(value, 'output');
  const visuals = root && problems.array(root, 'visuals', '');
  if (!visuals) return problems.list;
  const wanted = new Set((input?.posts ?? []).map((p) => p.id));
  if (visuals.length !== wanted.size) problems.add('visuals', `expected ${wanted.size} visuals (one per post), got ${visuals.length}`);
  const seen = new Map<string, number>();
  visuals.forEach((entry, i) => {
    const path = `visuals[${i}]`;
    const item = problems.object(entry, path);
    if (!item) return;
    const postId = problems.string(item, 'postId', path);
    problems.string(item, 'concept', path);
    problems.string(item, 'imagePrompt', path);
    const alt = problems.string(item, 'altText', path);
    if (alt !== undefined && [...alt].length > MAX_ALT_TEXT) problems.add(`${path}.altText`, `${[...alt].length} characters exceeds ${MAX_ALT_TEXT}`);
    if (postId === undefined) return;
    if (!wanted.has(postId)) problems.add(`${path}.postId`, `"${postId}" is not one of the input posts`);
    else if (seen.has(postId)) problems.add(`${path}.postId`, `"${postId}" already has a visual (visuals[${seen.get(postId)}])`);
    seen.set(postId, i);
  });
  for (const id of wanted) if (!seen.has(id)) problems.add('visuals', `no visual for post "${id}"`);
  return problems.list;
}
