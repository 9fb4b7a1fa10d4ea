import { Injectable } from '@nestjs/common';

/** The current time, behind a seam so that tests can fix it. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
