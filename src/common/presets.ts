// Layouts shipped with Nawa, named as the room names them. Ids are fixed so every hub seeds the same ones.
import type { LayoutInput, Tile, TileSource } from './layout';

const KEPANJEN: [number, number] = [-8.13, 112.57];
const REGENCY: [number, number] = [-8.12, 112.64];
const t = (id: string, x: number, y: number, w: number, h: number, source: TileSource): Tile => ({
  id,
  x,
  y,
  w,
  h,
  source,
});
const grid = { cols: 3, rows: 3 };

export const PRESET_LAYOUTS: LayoutInput[] = [
  {
    id: '6e1f0a52-0000-4000-8000-000000000001',
    name: 'Ikhtisar',
    grid,
    tiles: [
      t('peta', 0, 0, 1, 1, { kind: 'map', center: REGENCY, zoom: 11, layers: ['kecamatan', 'incidents'] }),
      t('insiden', 1, 0, 1, 1, { kind: 'incidents' }),
      t('konektivitas', 2, 0, 1, 1, { kind: 'connectivity' }),
      t('transportasi', 0, 1, 1, 1, { kind: 'sector', sector: 'transport' }),
      t('kesehatan', 1, 1, 1, 1, { kind: 'sector', sector: 'health' }),
      t('energi', 2, 1, 1, 1, { kind: 'sector', sector: 'energy' }),
      t('lalu-lintas', 0, 2, 1, 1, { kind: 'sector', sector: 'traffic' }),
      t('keputusan', 1, 2, 1, 1, { kind: 'decisions' }),
      t('jam', 2, 2, 1, 1, { kind: 'clock', ticker: 'Command Center Kabupaten Malang' }),
    ],
  },
  {
    id: '6e1f0a52-0000-4000-8000-000000000002',
    name: 'Fokus Peta',
    grid,
    tiles: [
      t('peta', 0, 0, 2, 2, { kind: 'map', center: REGENCY, zoom: 12, layers: ['kecamatan', 'incidents', 'sites'] }),
      t('insiden', 2, 0, 1, 1, { kind: 'incidents' }),
      t('konektivitas', 2, 1, 1, 1, { kind: 'connectivity' }),
      t('keputusan', 0, 2, 1, 1, { kind: 'decisions' }),
      t('lalu-lintas', 1, 2, 1, 1, { kind: 'sector', sector: 'traffic' }),
      t('jam', 2, 2, 1, 1, { kind: 'clock' }),
    ],
  },
  {
    id: '6e1f0a52-0000-4000-8000-000000000003',
    name: 'Darurat',
    grid,
    tiles: [
      t('peta', 0, 0, 2, 3, { kind: 'map', center: KEPANJEN, zoom: 12, layers: ['kecamatan', 'incidents'] }),
      t('insiden', 2, 0, 1, 2, { kind: 'incidents', minSeverity: 3 }),
      t('keputusan', 2, 2, 1, 1, { kind: 'decisions' }),
    ],
  },
  {
    id: '6e1f0a52-0000-4000-8000-000000000004',
    name: 'Rapat Pimpinan',
    grid,
    tiles: [
      t('peta', 0, 0, 3, 2, { kind: 'map', center: REGENCY, zoom: 12, layers: ['kecamatan', 'incidents'] }),
      t('kesehatan', 0, 2, 1, 1, { kind: 'sector', sector: 'health' }),
      t('pendidikan', 1, 2, 1, 1, { kind: 'sector', sector: 'education' }),
      t('keputusan', 2, 2, 1, 1, { kind: 'decisions' }),
    ],
  },
];
