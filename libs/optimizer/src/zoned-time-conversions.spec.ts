import { addLocalDays, localParts, zonedTime as zonedTimeToUtc } from './zoned-time';

describe('zonedTimeToUtc', () => {
  it('keeps 09:00 New York at 09:00 local across the March DST change', () => {
    expect(zonedTimeToUtc({ year: 2026, month: 3, day: 7 }, 9, 0, 'America/New_York').toISOString()).toBe('2026-03-07T14:00:00.000Z');
    expect(zonedTimeToUtc({ year: 2026, month: 3, day: 9 }, 9, 0, 'America/New_York').toISOString()).toBe('2026-03-09T13:00:00.000Z');
  });

  it('handles zones east of UTC and half-hour offsets', () => {
    expect(zonedTimeToUtc({ year: 2026, month: 7, day: 1 }, 19, 0, 'Europe/Berlin').toISOString()).toBe('2026-07-01T17:00:00.000Z');
    expect(zonedTimeToUtc({ year: 2026, month: 1, day: 15 }, 12, 30, 'Asia/Kolkata').toISOString()).toBe('2026-01-15T07:00:00.000Z');
  });

  it('round-trips through localParts', () => {
    const instant = zonedTimeToUtc({ year: 2026, month: 10, day: 25 }, 11, 0, 'Europe/London');
    expect(localParts(instant, 'Europe/London')).toMatchObject({ year: 2026, month: 10, day: 25, hour: 11, minute: 0 });
  });
});

describe('addLocalDays', () => {
  it('steps calendar days in the zone, not 24-hour periods, and crosses month ends', () => {
    const lateEvening = new Date('2026-01-31T23:30:00Z'); // already Feb 1 in Tokyo
    expect(addLocalDays(lateEvening, 0, 'Asia/Tokyo')).toEqual({ year: 2026, month: 2, day: 1 });
    expect(addLocalDays(lateEvening, 1, 'UTC')).toEqual({ year: 2026, month: 2, day: 1 });
  });
});
