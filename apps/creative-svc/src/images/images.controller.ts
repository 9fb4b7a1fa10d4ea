import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ImageStore } from './image-store';

/**
 * Internal endpoint: the gateway (for users, after its ownership check) and posting-svc (to upload to a
 * platform) read generated images here. Not exposed outside the cluster.
 */
@Controller('images')
export class ImagesController {
  constructor(private readonly images: ImageStore) {}

  @Get(':id')
  async get(@Param('id', ParseUUIDPipe) id: string, @Res() res: Response): Promise<void> {
    const image = await this.images.find(id);
    if (!image) throw new NotFoundException(`image ${id} not found`);
    res.setHeader('content-type', image.mimeType);
    res.setHeader('cache-control', 'private, max-age=31536000, immutable');
    res.send(image.data);
  }
}
