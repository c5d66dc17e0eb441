import { describe, expect, it } from 'vitest';
import { HostRequestError } from '../../../src/common/host-api';
import type { Tile } from '../../../src/common/layout';
import { translator } from '../../shared/i18n/translate';
import { layoutProblemText, planErrorText, tileLabel } from './plan-text';

const t = translator('id');
const tiles: Tile[] = [
  { id: 'a', x: 0, y: 0, w: 1, h: 1, source: { kind: 'sector', sector: 'health' } },
  { id: 'b', x: 0, y: 0, w: 1, h: 1, source: { kind: 'web', url: 'https://example.com/' } },
];

describe('plan texts', () => {
  it('names tiles as a presenter would', () => {
    expect(tileLabel(t, tiles[0]!)).toBe('Dasbor sektor: Kesehatan');
    expect(tileLabel(translator('en'), tiles[1]!)).toBe('Web page');
  });

  it('words layout problems in plain Indonesian, naming the allowed domains', () => {
    expect(layoutProblemText(t, { code: 'tile_overlap', tileId: 'b', otherId: 'a' }, tiles)).toBe(
      'Ubin "Halaman web" (b) menumpuk ubin "Dasbor sektor: Kesehatan" (a).',
    );
    expect(layoutProblemText(t, { code: 'web_not_allowed', tileId: 'b', host: 'example.com' }, tiles)).toMatch(
      /example\.com tidak diizinkan.*malangkab\.go\.id/,
    );
  });

  it('turns the host refusals into sentences, from their codes and details', () => {
    const invalid = new HostRequestError('invalid_layout', 'x', [{ code: 'name_empty' }]);
    expect(planErrorText(t, invalid)).toBe('Beri nama tata letak.');
    expect(planErrorText(t, new HostRequestError('layout_on_wall', 'x'))).toMatch(/sedang tampil di dinding layar/);
    expect(
      planErrorText(t, new HostRequestError('invalid_schedule', 'x', [{ code: 'same_time', at: '09:00', day: 5 }])),
    ).toBe('Dua jadwal pada pukul 09:00 di hari Jumat.');
  });
});
