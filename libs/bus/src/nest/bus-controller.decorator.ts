import { Controller, UseFilters, applyDecorators } from '@nestjs/common';
import { RpcPassthroughFilter } from './rpc-passthrough.filter';

/**
 * Marks a class whose `@EventPattern` methods handle bus messages. It hands handler errors to the bus
 * unchanged (retry, dead-letter and the recorded reason need the real error, not Nest's generic one).
 */
export function BusController(): ClassDecorator {
  return applyDecorators(Controller(), UseFilters(RpcPassthroughFilter));
}
