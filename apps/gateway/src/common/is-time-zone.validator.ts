import { ValidationOptions, registerDecorator } from 'class-validator';

/** Whether the runtime knows `value` as an IANA time zone. */
export function isTimeZone(value: unknown): boolean {
  if (typeof value !== 'string' || value.length === 0) return false;
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export function IsTimeZone(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'isTimeZone',
      target: target.constructor,
      propertyName: String(propertyKey),
      options: { message: '$property must be an IANA time zone such as Europe/Paris or UTC', ...options },
      validator: { validate: isTimeZone },
    });
}
