import { addLocalDays, localDate, localParts, localSlot, shiftDate, weekdayOf, zonedTime } from './zoned-time';

describe('zoned time', () => {
  it('maps 09:00 local to hour 9 on both sides of a DST change', () => {
    // Europe/Berlin moved to summer time on Sunday 2026-03-29.
    const before = zonedTime({ year: 2026, month: 3, day: 27 }, 9, 0, 'Europe/Berlin');
    const after = zonedTime({ year: 2026, month: 3, day: 30 }, 9, 0, 'Europe/Berlin');
    expect(before.toISOString()).toBe('2026-03-27T08:00:00.000Z');
    expect(after.toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(localSlot(before, 'Europe/Berlin')).toEqual({ weekday: 4, hour: 9 });
    expect(localSlot(after, 'Europe/Berlin')).toEqual({ weekday: 0, hour: 9 });
    // New York's change is on another date (2026-03-08): the same rule holds there.
    const ny = zonedTime({ year: 2026, month: 3, day: 9 }, 9, 0, 'America/New_York');
    expect(localSlot(ny, 'America/New_York')).toEqual({ weekday: 0, hour: 9 });
  });

  it('uses Monday = 0 … Sunday = 6', () => {
    expect(weekdayOf({ year: 2026, month: 11, day: 23 })).toBe(0);
    expect(weekdayOf({ year: 2026, month: 11, day: 29 })).toBe(6);
  });

  it('gives the local date, which can differ from the UTC date', () => {
    const instant = new Date('2026-11-25T23:30:00Z');
    expect(localDate(instant, 'Asia/Tokyo')).toEqual({ year: 2026, month: 11, day: 26 });
    expect(localParts(instant, 'America/Los_Angeles')).toMatchObject({ day: 25, hour: 15, minute: 30 });
  });

  it('moves local dates across month and year ends', () => {
    expect(shiftDate({ year: 2026, month: 12, day: 31 }, 1)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(addLocalDays(new Date('2026-02-28T12:00:00Z'), 1, 'UTC')).toEqual({ year: 2026, month: 3, day: 1 });
  });
});
