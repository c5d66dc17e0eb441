import { describe, expect, it } from 'vitest';
import { HOST_ERROR_CODES } from '../../../src/common/host-errors';
import { HostRequestError } from '../../../src/common/host-api';
import { errorText } from '../error-text';
import { DICTIONARIES, LANGS, translator } from './translate';

describe('host error codes', () => {
  it('every code of the contract has its sentence in Bahasa Indonesia and in English', () => {
    const missing = LANGS.flatMap((lang) =>
      HOST_ERROR_CODES.filter(
        (code) => !(DICTIONARIES[lang] as Record<string, string>)[`hostError.${code}`]?.trim(),
      ).map((code) => `${lang}: ${code}`),
    );
    expect(missing).toEqual([]);
  });

  it('no sentence is kept for a code the contract does not have', () => {
    const extra = Object.keys(DICTIONARIES.id)
      .filter((k) => k.startsWith('hostError.'))
      .filter((k) => !(HOST_ERROR_CODES as readonly string[]).includes(k.slice('hostError.'.length)));
    expect(extra).toEqual([]);
  });

  it("words a refusal from its code and parameters, never from the host's message", () => {
    const t = translator('id');
    const err = new HostRequestError('layout_scheduled', 'the schedule uses the layout at 09:00', undefined, {
      name: 'Rapat',
      at: '09:00',
    });
    expect(errorText(t, err)).toBe('"Rapat" dipakai jadwal pukul 09:00, jadi tidak dapat dihapus. Ubah jadwal dulu.');
    expect(
      errorText(translator('en'), new HostRequestError('forbidden', 'the role viewer may not decisions.record')),
    ).toBe('Your role is not allowed to do this; ask a supervisor if it is needed.');
    expect(errorText(t, new HostRequestError('unauthenticated', 'log in first'), 'login')).toBe(
      'Nama pengguna atau kata sandi salah.',
    );
  });
});
