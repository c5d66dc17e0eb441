import { describe, expect, it } from 'vitest';
import { DICTIONARIES, interpolate, placeholders, resolveLang, translator } from './translate';

describe('dictionaries', () => {
  const idKeys = Object.keys(DICTIONARIES.id).sort();

  it('English has exactly the Indonesian keys', () => {
    expect(Object.keys(DICTIONARIES.en).sort()).toEqual(idKeys);
  });

  it('every message is non-empty and uses the same placeholders in both languages', () => {
    const problems: string[] = [];
    for (const key of idKeys as (keyof typeof DICTIONARIES.id)[]) {
      const a = DICTIONARIES.id[key];
      const b = DICTIONARIES.en[key];
      if (!a.trim() || !b.trim()) problems.push(`${key}: empty`);
      if (placeholders(a).join() !== placeholders(b).join())
        problems.push(`${key}: {${placeholders(a).join(',')}} vs {${placeholders(b).join(',')}}`);
    }
    expect(problems).toEqual([]);
  });

  it('uses the names the end-to-end tests look for', () => {
    const t = translator('id');
    expect([t('login.username'), t('login.password'), t('login.submit'), t('header.logout')]).toEqual([
      'Nama pengguna',
      'Kata sandi',
      'Masuk',
      'Keluar',
    ]);
    expect(t('wall.show', { name: 'Darurat' })).toBe('Tampilkan Darurat');
    expect(t('sync.offlineBanner')).toBe('Luring — data dari cache lokal');
  });
});

describe('resolveLang', () => {
  it('prefers the URL, then storage, then Indonesian', () => {
    expect(resolveLang('en', 'id')).toBe('en');
    expect(resolveLang(null, 'en')).toBe('en');
    expect(resolveLang('fr', 'de')).toBe('id');
    expect(resolveLang(null, null)).toBe('id');
  });
});

describe('interpolate', () => {
  it('fills known placeholders and leaves unknown ones visible', () => {
    expect(interpolate('{a} dan {b}', { a: 1 })).toBe('1 dan {b}');
    expect(interpolate('tanpa', { a: 1 })).toBe('tanpa');
  });
});
