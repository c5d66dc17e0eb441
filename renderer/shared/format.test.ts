import { describe, expect, it } from 'vitest';
import { formatAge, formatTime, shortHash } from './format';
import { translator } from './i18n/translate';

const id = translator('id');
const en = translator('en');
const now = Date.parse('2026-11-28T10:00:00Z');
const ago = (ms: number) => new Date(now - ms).toISOString();

describe('formatAge', () => {
  it('reads in the largest natural unit', () => {
    expect(formatAge(id, ago(5_000), now)).toBe('diperbarui 5 dtk lalu');
    expect(formatAge(id, ago(59_999), now)).toBe('diperbarui 59 dtk lalu');
    expect(formatAge(id, ago(60_000), now)).toBe('diperbarui 1 mnt lalu');
    expect(formatAge(id, ago(3 * 3600_000), now)).toBe('diperbarui 3 jam lalu');
    expect(formatAge(id, ago(72 * 3600_000), now)).toBe('diperbarui 3 hari lalu');
    expect(formatAge(en, ago(5_000), now)).toBe('updated 5 s ago');
  });

  it('never shows a negative age when the host clock is ahead', () => {
    expect(formatAge(id, ago(-4_000), now)).toBe('diperbarui 0 dtk lalu');
  });

  it('says so when there was no sync yet', () => {
    expect(formatAge(id, null, now)).toBe('belum pernah diperbarui');
    expect(formatAge(id, 'not a date', now)).toBe('belum pernah diperbarui');
  });
});

describe('formatTime', () => {
  it('shows the room time (WIB, UTC+7) whatever the machine zone', () => {
    expect(formatTime('id', '2026-11-28T10:05:00Z', false)).toMatch(/^17[.:]05$/);
  });
});

describe('shortHash', () => {
  it('keeps eight characters', () => {
    expect(shortHash('a'.repeat(64))).toBe('aaaaaaaa');
    expect(shortHash(null)).toBe('');
  });
});
