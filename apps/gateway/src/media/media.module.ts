import { Module } from '@nestjs/common';
import { Clock } from '../common/clock';
import { CreativeImages } from './creative-images';
import { MediaController } from './media.controller';

/** Image bytes from creative-svc: the signed public media route, and the reader the posts module shares. */
@Module({
  controllers: [MediaController],
  providers: [Clock, CreativeImages],
  exports: [CreativeImages],
})
export class MediaModule {}
