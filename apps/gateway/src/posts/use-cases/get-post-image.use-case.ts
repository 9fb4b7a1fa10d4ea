import { Injectable, NotFoundException } from '@nestjs/common';
import { CreativeImages } from '../../media/creative-images';
import type { StoredImage } from '../../media/creative-images';
import { PostsRepository } from '../posts.repository';

export type PostImage = StoredImage;

/** The caller's post's generated image, read from creative-svc (which owns images) after the ownership check. */
@Injectable()
export class GetPostImage {
  constructor(
    private readonly posts: PostsRepository,
    private readonly images: CreativeImages,
  ) {}

  async execute(userId: string, id: string): Promise<PostImage> {
    const post = await this.posts.findOwned(userId, id);
    const imageId = post?.visual?.imageId;
    if (!post || !imageId) throw new NotFoundException(`Post ${id} has no image`);
    const image = await this.images.fetch(imageId);
    if (!image) throw new NotFoundException(`Post ${id} has no image`);
    return image;
  }
}
