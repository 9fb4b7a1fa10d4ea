import { Injectable } from '@nestjs/common';
import { ListPostsQueryDto } from '../dto/post-requests.dto';
import { PostPageDto } from '../dto/post-view.dto';
import { toPostView } from '../post-view.mapper';
import { PostsRepository } from '../posts.repository';

@Injectable()
export class ListPosts {
  constructor(private readonly posts: PostsRepository) {}

  async execute(userId: string, query: ListPostsQueryDto): Promise<PostPageDto> {
    const filter = { campaignId: query.campaignId, status: query.status, platform: query.platform };
    const [rows, total] = await this.posts.listOwned(userId, filter, query.page, query.pageSize);
    return { items: rows.map((post) => toPostView(post)), page: query.page, pageSize: query.pageSize, total };
  }
}
