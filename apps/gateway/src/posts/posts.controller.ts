import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/current-user.decorator';
import type { AuthUser } from '../auth/current-user.decorator';
import { ApiErrors } from '../common/api-errors';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { sendImage } from '../media/creative-images';
import { CreatePostDto, EditPostDto, ListPostsQueryDto } from './dto/post-requests.dto';
import { CreatedPostsDto, PostPageDto, PostViewDto } from './dto/post-view.dto';
import { CancelPost } from './use-cases/cancel-post.use-case';
import { CreateAdhocPost } from './use-cases/create-adhoc-post.use-case';
import { EditPost } from './use-cases/edit-post.use-case';
import { GetPost } from './use-cases/get-post.use-case';
import { GetPostImage } from './use-cases/get-post-image.use-case';
import { ListPosts } from './use-cases/list-posts.use-case';

@ApiTags('posts')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('posts')
export class PostsController {
  constructor(
    private readonly listPosts: ListPosts,
    private readonly getPost: GetPost,
    private readonly editPost: EditPost,
    private readonly cancelPost: CancelPost,
    private readonly getPostImage: GetPostImage,
    private readonly createAdhocPost: CreateAdhocPost,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Publish your own post on some of your connected accounts, now or at a time.',
    description:
      'One armed post per connection, filed under a new campaign of kind `adhoc`; edit, reschedule or cancel them like any post. ' +
      'The text must fit every platform it goes to (400 naming `text` or `threadParts.<i>`, with the platform and its limit); ' +
      'an id that is not one of your connections is a 400 naming `connectionIds.<i>`.',
  })
  @ApiCreatedResponse({ type: CreatedPostsDto })
  @ApiErrors(400, 503)
  create(@CurrentUser() user: AuthUser, @Body() body: CreatePostDto): Promise<CreatedPostsDto> {
    return this.createAdhocPost.execute(user.userId, body);
  }

  @Get()
  @ApiOperation({ summary: "The caller's posts, by scheduled time; filter by campaign, status or platform." })
  @ApiOkResponse({ type: PostPageDto })
  @ApiErrors(400)
  list(@CurrentUser() user: AuthUser, @Query() query: ListPostsQueryDto): Promise<PostPageDto> {
    return this.listPosts.execute(user.userId, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One post, with its publishing attempts.' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: PostViewDto })
  @ApiErrors(404)
  get(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe('Post')) id: string): Promise<PostViewDto> {
    return this.getPost.execute(user.userId, id);
  }

  @Get(':id/image')
  @ApiOperation({ summary: "The post's generated image (when an image model is configured)." })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiProduces('image/png', 'image/jpeg', 'image/webp')
  @ApiOkResponse({ description: 'The image bytes.' })
  @ApiErrors(404)
  async image(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe('Post')) id: string, @Res() res: Response): Promise<void> {
    sendImage(res, await this.getPostImage.execute(user.userId, id), 'private, max-age=3600');
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit the text or the time of a draft or armed post.' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: PostViewDto })
  @ApiErrors(400, 404, 409)
  edit(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe('Post')) id: string, @Body() body: EditPostDto): Promise<PostViewDto> {
    return this.editPost.execute(user.userId, id, body);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Cancel a draft or armed post (idempotent).' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse({ description: 'Cancelled (or already cancelled).' })
  @ApiErrors(404, 409)
  cancel(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe('Post')) id: string): Promise<void> {
    return this.cancelPost.execute(user.userId, id);
  }
}
