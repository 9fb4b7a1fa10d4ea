const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` is shaped like the API's ids (anything else cannot name a resource: not found). */
export function isUuid(value: string | undefined): value is string {
  return typeof value === 'string' && UUID.test(value);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string | undefined): value is string {
  return typeof value === 'string' && DATE.test(value) && !Number.isNaN(new Date(`${value}T00:00:00Z`).getTime());
}
