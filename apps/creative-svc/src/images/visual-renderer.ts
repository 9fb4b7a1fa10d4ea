import { randomUUID } from 'node:crypto';
import type { PostDraft } from '@app/contracts';
import { IMAGE_GENERATOR, LlmBlockedError, PLATFORM_ASPECT_RATIOS } from '@app/llm';
import type { ImageGenerator } from '@app/llm';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { StoredImage } from './image-store';

const PARALLEL = 3;

/**
 * Turns image prompts into images when an image model is configured (GEMINI_IMAGE_MODEL); without one, the
 * visual concept, prompt and alt text are the Creative agent's output. A prompt the model refuses keeps its
 * concept and prompt without an image; rate limits and outages propagate so the bus retries the stage.
 */
@Injectable()
export class VisualRenderer {
  private readonly logger = new Logger(VisualRenderer.name);

  constructor(@Inject(IMAGE_GENERATOR) private readonly generator: ImageGenerator | null) {}

  async render(campaignId: string, posts: PostDraft[]): Promise<{ posts: PostDraft[]; images: StoredImage[] }> {
    const generator = this.generator;
    if (!generator) return { posts, images: [] };
    const images = new Map<string, StoredImage>();
    const withVisual = posts.filter((p) => p.visual);
    for (let i = 0; i < withVisual.length; i += PARALLEL) {
      await Promise.all(withVisual.slice(i, i + PARALLEL).map(async (post) => {
        try {
          const image = await generator.generate({ prompt: post.visual!.imagePrompt, aspectRatio: PLATFORM_ASPECT_RATIOS[post.platform] });
          images.set(post.id, { id: randomUUID(), campaignId, postId: post.id, mimeType: image.mimeType, data: image.data, model: image.model });
        } catch (error) {
          if (!(error instanceof LlmBlockedError)) throw error;
          this.logger.warn(`no image for post ${post.id}: ${generator.name} refused the prompt (${error.reason})`);
        }
      }));
    }
    return {
      posts: posts.map((post) => {
        const image = images.get(post.id);
        return image ? { ...post, visual: { ...post.visual!, imageId: image.id, imageMimeType: image.mimeType } } : post;
      }),
      images: [...images.values()],
    };
  }
}
