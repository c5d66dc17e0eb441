import { describe, expect, it } from 'vitest';
import { newAccountProblems, passwordProblem } from './account-form';

describe('account form', () => {
  it('accepts what the hub accepts', () => {
    expect(newAccountProblems({ username: 'dewi.s', name: 'Dewi Setyawati', password: 'kepanjen-2026' })).toEqual([]);
  });

  it('names each problem the hub would refuse', () => {
    expect(newAccountProblems({ username: 'Dewi', name: '\u200B', password: 'pendek' })).toEqual([
      'accounts.bad.username',
      'accounts.bad.name',
      'accounts.bad.password',
    ]);
    expect(newAccountProblems({ username: 'ab', name: 'A', password: 'x'.repeat(10) })).toEqual([
      'accounts.bad.username',
    ]);
    expect(newAccountProblems({ username: 'abc', name: 'A\u202E', password: 'x'.repeat(10) })).toEqual([
      'accounts.bad.name',
    ]);
  });

  it('counts a password in characters, not UTF-16 units', () => {
    expect(passwordProblem('🌊'.repeat(9))).toBe('accounts.bad.password');
    expect(passwordProblem('🌊'.repeat(10))).toBeNull();
  });
});
