import { HttpException, HttpStatus } from '@nestjs/common';

/**
 * Another service the gateway depends on is down (503), too slow (504) or answered nonsense (502). Unlike
 * other 5xx, the client sees this message (it is written by the gateway, never an upstream's internals), so
 * it can tell "try again shortly" from a bug; the filter still logs it with an errorId.
 */
export class UpstreamException extends HttpException {
  constructor(
    status: HttpStatus.BAD_GATEWAY | HttpStatus.SERVICE_UNAVAILABLE | HttpStatus.GATEWAY_TIMEOUT,
    message: string,
    /** What went wrong underneath, for the log only. */
    readonly detail?: string,
  ) {
    super(message, status);
  }
}
