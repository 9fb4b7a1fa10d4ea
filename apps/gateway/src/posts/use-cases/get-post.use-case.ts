import { Injectable, NotFoundException } from '@nestjs/common';
import { PostViewDto } from '../dto/post-view.dto';
import { toPostView } from '../post-view.mapper';
import { PostsRepository } from '../posts.repository';

/** One of the caller's posts with its publishing attempts. */
@Injectable()
export class GetPost {
  constructor(private readonly posts: PostsRepository) {}

  async execute(userId: string, id: string): Promise<PostViewDto> {
    const post = await this.posts.findOwned(userId, id);
    if (!post) throw new NotFoundException(`Post ${id} not found`);
    return toPostView(post, await this.posts.attemptsOf(id));
  }
}
