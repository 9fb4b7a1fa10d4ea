export * from './admin-token.guard';
export * from './dead-letters.dto';
export * from './dead-letters.controller';
