import { addDays, formatInZone, instantOfWallTime, isTimeZone, localDateOf, toLocalInput, zoneOffsetMs } from './time-zone';

describe('wall-clock time in a campaign time zone', () => {
  it('reads the offset of a zone at an instant, summer and winter', () => {
    expect(zoneOffsetMs(new Date('2026-07-01T12:00:00Z'), 'Europe/Paris')).toBe(2 * 3_600_000);
    expect(zoneOffsetMs(new Date('2026-12-01T12:00:00Z'), 'Europe/Paris')).toBe(3_600_000);
    expect(zoneOffsetMs(new Date('2026-12-01T12:00:00Z'), 'America/New_York')).toBe(-5 * 3_600_000);
    expect(zoneOffsetMs(new Date('2026-12-01T12:00:00Z'), 'Asia/Kolkata')).toBe(5.5 * 3_600_000);
  });

  it('turns a datetime-local value in a zone into the instant, and back', () => {
    expect(instantOfWallTime('2026-12-01T09:30', 'Europe/Paris')?.toISOString()).toBe('2026-12-01T08:30:00.000Z');
    expect(instantOfWallTime('2026-07-01T09:30', 'America/Los_Angeles')?.toISOString()).toBe('2026-07-01T16:30:00.000Z');
    expect(instantOfWallTime('2026-12-01T09:30', 'UTC')?.toISOString()).toBe('2026-12-01T09:30:00.000Z');
    const instant = new Date('2027-03-15T22:05:00Z');
    expect(toLocalInput(instant, 'Australia/Sydney')).toBe('2027-03-16T09:05');
    expect(instantOfWallTime(toLocalInput(instant, 'Australia/Sydney'), 'Australia/Sydney')?.toISOString()).toBe(instant.toISOString());
  });

  it('moves a time skipped by the spring DST change forward by the gap', () => {
    // Paris skipped 02:00–03:00 on 2026-03-29: 02:30 does not exist; it is read as 03:30 CEST.
    expect(instantOfWallTime('2026-03-29T02:30', 'Europe/Paris')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('takes the first of a time repeated by the autumn DST change', () => {
    // Paris read 02:30 twice on 2026-10-25: first at 00:30Z (CEST), then at 01:30Z (CET).
    expect(instantOfWallTime('2026-10-25T02:30', 'Europe/Paris')?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('rejects what is not a datetime-local value', () => {
    expect(instantOfWallTime('2026-12-01', 'UTC')).toBeUndefined();
    expect(instantOfWallTime('2026-13-01T09:00', 'UTC')).toBeUndefined();
    expect(instantOfWallTime('tomorrow', 'UTC')).toBeUndefined();
  });

  it('formats and dates in the zone, not the runtime’s', () => {
    const late = new Date('2026-12-01T23:30:00Z');
    expect(localDateOf(late, 'Europe/Paris')).toBe('2026-12-02');
    expect(localDateOf(late, 'America/New_York')).toBe('2026-12-01');
    expect(formatInZone(late, 'Europe/Paris')).toBe('Wed 2 Dec, 00:30');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
