import { SERVICE_CONFIG } from '@app/config';
import { BadGatewayException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { GatewayConfig } from '../../config/gateway.config';
import { PostsRepository } from '../posts.repository';

export interface PostImage {
  mimeType: string;
  data: Buffer;
}

/** The caller's post's generated image, read from creative-svc (which owns images) after the ownership check. */
@Injectable()
export class GetPostImage {
  constructor(
    private readonly posts: PostsRepository,
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async execute(userId: string, id: string): Promise<PostImage> {
    const post = await this.posts.findOwned(userId, id);
    const imageId = post?.visual?.imageId;
    if (!post || !imageId) throw new NotFoundException(`Post ${id} has no image`);
    const res = await fetch(`${this.config.creativeUrl}/images/${imageId}`).catch((error: Error) => {
      throw new BadGatewayException(`the image service did not answer: ${error.message}`);
    });
    if (res.status === 404) throw new NotFoundException(`Post ${id} has no image`);
    if (!res.ok) throw new BadGatewayException(`the image service answered ${res.status}`);
    return { mimeType: res.headers.get('content-type') ?? 'application/octet-stream', data: Buffer.from(await res.arrayBuffer()) };
  }
}
