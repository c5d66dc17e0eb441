import { describe, expect, it } from 'vitest';
import { maskedUrl } from './wall-pairing-model';

describe('pairing link as shown', () => {
  it('hides the token and keeps the rest of the link', () => {
    expect(maskedUrl('http://10.9.0.5:8790/wall/5?token=Abc-123_xyz')).toBe('http://10.9.0.5:8790/wall/5?token=••••••');
    expect(maskedUrl('https://[fd00::2]:8790/wall/1?lang=en&token=q&x=1')).toBe(
      'https://[fd00::2]:8790/wall/1?lang=en&token=••••••&x=1',
    );
  });

  it('shows a link without a token as it is', () => {
    expect(maskedUrl('http://127.0.0.1:8790/wall/9')).toBe('http://127.0.0.1:8790/wall/9');
    expect(maskedUrl('not a url')).toBe('not a url');
  });
});
