import { describe, expect, it } from 'vitest';
import { translator } from '../../shared/i18n/translate';
import { formatDuration } from './duration';

describe('formatDuration', () => {
  it('words an outage in minutes, hours and minutes, or days and hours, in both languages', () => {
    const id = translator('id');
    const en = translator('en');
    expect(formatDuration(id, 59_000)).toBe('0 mnt');
    expect(formatDuration(id, 45 * 60_000)).toBe('45 mnt');
    expect(formatDuration(id, 125 * 60_000)).toBe('2 j 5 mnt');
    expect(formatDuration(en, (3 * 24 + 4) * 3_600_000 + 59 * 60_000)).toBe('3 d 4 h');
    expect(formatDuration(en, -5)).toBe('0 min');
  });
});
