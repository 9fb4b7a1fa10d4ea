import { Logger } from '@nestjs/common';
import { dlqMain } from './dlq-commands';

/** `npm run dlq -- <service> list|inspect|replay|discard ...`: the operator tool (see dlq-commands.ts). */
// Only the tool's own output on stdout (it may be --json); the bus's connection logs would interleave with it.
Logger.overrideLogger(['error']);
dlqMain(process.argv.slice(2), process.env, {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
}).then(
  (status) => {
    process.exitCode = status;
  },
  (error: Error) => {
    process.stderr.write(`${error.stack ?? error.message}\n`);
    process.exitCode = 1;
  },
);
