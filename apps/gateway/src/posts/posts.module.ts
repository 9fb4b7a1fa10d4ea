import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { Clock } from '../common/clock';
import { MediaModule } from '../media/media.module';
import { PlatformsModule } from '../platforms/platforms.module';
import { PostsController } from './posts.controller';
import { PostsRepository } from './posts.repository';
import { CancelPost } from './use-cases/cancel-post.use-case';
import { CreateAdhocPost } from './use-cases/create-adhoc-post.use-case';
import { EditPost } from './use-cases/edit-post.use-case';
import { GetPost } from './use-cases/get-post.use-case';
import { GetPostImage } from './use-cases/get-post-image.use-case';
import { ListPosts } from './use-cases/list-posts.use-case';
import { PostTransaction } from './use-cases/post-transaction';

@Module({
  imports: [CampaignsModule, PlatformsModule, MediaModule],
  controllers: [PostsController],
  providers: [Clock, PostsRepository, PostTransaction, ListPosts, GetPost, GetPostImage, EditPost, CancelPost, CreateAdhocPost],
})
export class PostsModule {}
