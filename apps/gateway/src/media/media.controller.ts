import { SERVICE_CONFIG } from '@app/config';
import { verifyMediaSignature } from '@app/contracts';
import { Controller, ForbiddenException, Get, Inject, NotFoundException, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { ApiErrors } from '../common/api-errors';
import { Clock } from '../common/clock';
import { ParseIdPipe } from '../common/parse-id.pipe';
import type { GatewayConfig } from '../config/gateway.config';
import { CreativeImages, sendImage } from './creative-images';

/** Longest a cache may keep a signed image (never past the signature's expiry). */
const MAX_CACHE_SECONDS = 3600;

/**
 * Signed, expiring image URLs for platforms that pull media by URL (Instagram, Facebook): posting-svc signs
 * (`signedMediaUrl` of @app/contracts), the gateway verifies with the same MEDIA_SIGNING_KEY. No bearer
 * token: the signature is the authorization. Without a key every media URL is a 404.
 */
@ApiTags('media')
@Public()
@Controller('media')
export class MediaController {
  constructor(
    private readonly images: CreativeImages,
    private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Get(':imageId')
  @ApiOperation({ summary: 'A generated image by signed URL (for platforms that fetch media by URL).' })
  @ApiParam({ name: 'imageId', format: 'uuid' })
  @ApiQuery({ name: 'expires', description: 'Unix time (seconds) after which the URL is refused.' })
  @ApiQuery({ name: 'signature', description: 'HMAC-SHA256 of `{imageId}.{expires}` with MEDIA_SIGNING_KEY, base64url.' })
  @ApiProduces('image/png', 'image/jpeg', 'image/webp')
  @ApiOkResponse({ description: 'The image bytes.' })
  @ApiErrors(403, 404, 502, 503)
  async get(
    @Param('imageId', new ParseIdPipe('Image')) imageId: string,
    @Query('expires') expires: unknown,
    @Query('signature') signature: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const key = this.config.mediaSigningKey;
    if (!key) throw new NotFoundException(`Image ${imageId} not found`);
    const now = this.clock.now().getTime();
    const given = (value: unknown) => (typeof value === 'string' ? value : undefined);
    if (!verifyMediaSignature(imageId, given(expires), given(signature), key, now)) {
      throw new ForbiddenException('The media URL is invalid or has expired');
    }
    const image = await this.images.fetch(imageId);
    if (!image) throw new NotFoundException(`Image ${imageId} not found`);
    const maxAge = Math.max(0, Math.min(MAX_CACHE_SECONDS, Number(expires) - Math.floor(now / 1000)));
    sendImage(res, image, `public, max-age=${maxAge}`);
  }
}
