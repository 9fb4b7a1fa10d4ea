import { isPlatform } from '@app/contracts';
import type { Platform } from '@app/contracts';
import { NotFoundException, PipeTransform } from '@nestjs/common';

/** A path segment that is not a known platform names nothing: 404, like an unknown id. */
export class ParsePlatformPipe implements PipeTransform<string, Platform> {
  transform(value: string): Platform {
    if (!isPlatform(value)) throw new NotFoundException(`Platform ${value} not found`);
    return value;
  }
}
