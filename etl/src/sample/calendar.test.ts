import { describe, expect, it } from 'vitest';
import { dayNumber, daysBetween, isoDate, weekday } from './calendar.ts';

describe('calendar', () => {
  it('dayNumber() and isoDate() are inverses', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(isoDate(dayNumber('2020-02-29'))).toBe('2020-02-29');
  });

  it('weekday() counts from Monday', () => {
    expect(weekday(dayNumber('2017-10-04'))).toBe(2); // a Wednesday
    expect(weekday(dayNumber('2020-06-28'))).toBe(6); // a Sunday
  });

  it('daysBetween() includes both ends and leap days', () => {
    expect(daysBetween('2020-02-27', '2020-03-01')).toEqual(['2020-02-27', '2020-02-28', '2020-02-29', '2020-03-01']);
  });

  it('dayNumber() rejects what is not a date', () => {
    expect(() => dayNumber('2020-13-01')).toThrow(RangeError);
  });
});
