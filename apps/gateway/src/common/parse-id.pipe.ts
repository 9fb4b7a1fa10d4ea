import { NotFoundException, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { bindCorrelationId } from '@app/telemetry';

/** A path id that is not a UUID names nothing: 404, like an unknown or foreign id (never 400 or 500). */
export class ParseIdPipe implements PipeTransform<string, string> {
  constructor(private readonly what = 'Resource') {}

  transform(value: string): string {
    if (!isUUID(value)) throw new NotFoundException(`${this.what} ${value} not found`);
    const id = value.toLowerCase();
    // A request about one campaign logs with its id, as every message of that campaign does.
    if (this.what === 'Campaign') bindCorrelationId(id);
    return id;
  }
}
