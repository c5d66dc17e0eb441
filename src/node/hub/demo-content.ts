// What a demo hub shows the room: accounts, sector series with plausible ranges, and incidents around the regency.
import type { IncidentStatus, Role, Sector, Series } from '../../common/entities';

export const DEMO_PASSWORD = 'demo';
export const DEMO_ACCOUNTS: { username: string; name: string; role: Role }[] = [
  { username: 'supervisor', name: 'Supervisor Demo', role: 'supervisor' },
  { username: 'operator', name: 'Operator Demo', role: 'operator' },
  { username: 'presenter', name: 'Presenter Demo', role: 'presenter' },
  { username: 'viewer', name: 'Layar Dinding', role: 'viewer' },
];

/** A series and how its readings move: around `base`, within [min, max], by about `step` per reading. */
export interface SeriesModel {
  series: Series;
  base: number;
  step: number;
  min: number;
  max: number;
  decimals: number;
}

const s = (
  id: string,
  sector: Sector,
  name: string,
  unit: string,
  base: number,
  step: number,
  min: number,
  max: number,
  siteId?: string,
  decimals = 0,
): SeriesModel => ({
  series: siteId ? { id, sector, name, unit, siteId } : { id, sector, name, unit },
  base,
  step,
  min,
  max,
  decimals,
});

export const DEMO_SERIES: SeriesModel[] = [
  s('transport.penumpang-bus', 'transport', 'Penumpang bus', 'orang/jam', 1200, 90, 0, 4000),
  s(
    'transport.penumpang-ka-kepanjen',
    'transport',
    'Penumpang KA Stasiun Kepanjen',
    'orang/jam',
    180,
    25,
    0,
    800,
    'st_kepanjen',
  ),
  s('health.rsud-kanjuruhan-tt', 'health', 'Tempat tidur RSUD terisi', '%', 78, 2, 30, 100, 'rsud_kanjuruhan', 1),
  s('health.kunjungan-igd', 'health', 'Kunjungan IGD', 'pasien/jam', 14, 3, 0, 60),
  s('energy.beban-listrik', 'energy', 'Beban listrik', 'MW', 410, 12, 150, 700, undefined, 1),
  s('energy.plta-sutami', 'energy', 'Produksi PLTA Sutami', 'MW', 92, 4, 0, 105, 'bendungan_sutami', 1),
  s('traffic.kepadatan-kepanjen', 'traffic', 'Kepadatan lalu lintas Kepanjen', '%', 55, 6, 0, 100),
  s(
    'traffic.keluar-tol-singosari',
    'traffic',
    'Kendaraan keluar Tol Singosari',
    'kendaraan/jam',
    850,
    70,
    0,
    3000,
    'gt_singosari',
  ),
  s('payment.transaksi', 'payment', 'Transaksi e-payment', 'transaksi/jam', 3400, 250, 0, 12000),
  s('payment.nilai', 'payment', 'Nilai transaksi e-payment', 'juta Rp/jam', 620, 45, 0, 3000, undefined, 1),
  s('education.sekolah-terhubung', 'education', 'Sekolah terhubung internet', '%', 86, 1, 0, 100, undefined, 1),
  s('education.ujian-daring', 'education', 'Peserta ujian daring aktif', 'siswa', 5200, 400, 0, 30000),
  s('egov.permohonan-online', 'egov', 'Permohonan layanan online', 'permohonan/jam', 240, 25, 0, 1500),
  s('egov.antrean-dukcapil', 'egov', 'Antrean Dukcapil', 'orang', 45, 8, 0, 400),
  s('connectivity.desa-online', 'connectivity', 'Desa terhubung', '%', 94, 1, 0, 100, undefined, 1),
  s('tourism.wisatawan', 'tourism', 'Kunjungan wisatawan hari ini', 'orang', 6800, 300, 0, 60000),
];

export interface DemoIncident {
  id: string;
  title: string;
  sector: Sector;
  severity: number;
  status: IncidentStatus;
  villageCode: string;
  assignedOpd: string | null;
  minutesAgo: number;
}

/** Ids are fixed so a demo hub always shows the same incidents. Villages are real desa codes. */
export const DEMO_INCIDENTS: DemoIncident[] = [
  {
    id: '7b2d4c10-0000-4000-8000-000000000001',
    title: 'Banjir di Desa Sitiarjo',
    sector: 'disaster',
    severity: 3,
    status: 'dispatched',
    villageCode: '35.07.04.2007',
    assignedOpd: 'BPBD',
    minutesAgo: 95,
  },
  {
    id: '7b2d4c10-0000-4000-8000-000000000002',
    title: 'Tanah longsor menutup jalan di Desa Ngadas',
    sector: 'disaster',
    severity: 2,
    status: 'verified',
    villageCode: '35.07.07.2017',
    assignedOpd: 'DPUBM',
    minutesAgo: 70,
  },
  {
    id: '7b2d4c10-0000-4000-8000-000000000003',
    title: 'Kecelakaan lalu lintas di Jalan Raya Kepanjen',
    sector: 'traffic',
    severity: 2,
    status: 'reported',
    villageCode: '35.07.13.1010',
    assignedOpd: 'DISHUB',
    minutesAgo: 12,
  },
  {
    id: '7b2d4c10-0000-4000-8000-000000000004',
    title: 'Pohon tumbang di Desa Pandesari',
    sector: 'disaster',
    severity: 1,
    status: 'resolved',
    villageCode: '35.07.26.2004',
    assignedOpd: 'BPBD',
    minutesAgo: 180,
  },
  {
    id: '7b2d4c10-0000-4000-8000-000000000005',
    title: 'Gangguan jaringan internet kantor desa di Kecamatan Donomulyo',
    sector: 'connectivity',
    severity: 2,
    status: 'reported',
    villageCode: '35.07.01.2001',
    assignedOpd: 'DISKOMINFO',
    minutesAgo: 35,
  },
  {
    id: '7b2d4c10-0000-4000-8000-000000000006',
    title: 'Lonjakan pasien IGD RSUD Kanjuruhan',
    sector: 'health',
    severity: 2,
    status: 'verified',
    villageCode: '35.07.13.2008',
    assignedOpd: 'DINKES',
    minutesAgo: 50,
  },
  {
    id: '7b2d4c10-0000-4000-8000-000000000007',
    title: 'Kebakaran lahan di lereng Gunung Kawi, Desa Wonosari',
    sector: 'disaster',
    severity: 3,
    status: 'dispatched',
    villageCode: '35.07.32.2007',
    assignedOpd: 'BPBD',
    minutesAgo: 140,
  },
];

export const DEMO_DECISIONS = [
  {
    id: '8c3e5d20-0000-4000-8000-000000000001',
    incidentId: '7b2d4c10-0000-4000-8000-000000000001',
    minutesAgo: 80,
    summary: 'Kerahkan tim reaksi cepat BPBD ke Sitiarjo',
    rationale: 'Air setinggi 60 cm di permukiman dekat sungai; hujan diperkirakan berlanjut sampai malam.',
    action: 'BPBD menyiapkan perahu karet dan dapur umum; Dinsos menyiapkan logistik pengungsi.',
  },
  {
    id: '8c3e5d20-0000-4000-8000-000000000002',
    incidentId: '7b2d4c10-0000-4000-8000-000000000007',
    minutesAgo: 120,
    summary: 'Minta bantuan pemadaman dari Perhutani',
    rationale: 'Api menjalar di lahan miring yang sulit dijangkau mobil pemadam.',
    action: 'Koordinasi dengan Perhutani dan relawan desa; Satpol PP menjaga jalur evakuasi.',
  },
];

/** Incident titles for the simulator, by sector; {desa} is the village name. */
export const INCIDENT_TEMPLATES: { sector: Sector; title: string; opd: string }[] = [
  { sector: 'disaster', title: 'Banjir di {desa}', opd: 'BPBD' },
  { sector: 'disaster', title: 'Tanah longsor di {desa}', opd: 'BPBD' },
  { sector: 'disaster', title: 'Pohon tumbang di {desa}', opd: 'BPBD' },
  { sector: 'disaster', title: 'Kebakaran rumah warga di {desa}', opd: 'BPBD' },
  { sector: 'traffic', title: 'Kecelakaan lalu lintas di {desa}', opd: 'DISHUB' },
  { sector: 'traffic', title: 'Kemacetan panjang di jalan utama {desa}', opd: 'DISHUB' },
  { sector: 'energy', title: 'Pemadaman listrik di {desa}', opd: 'DISKOMINFO' },
  { sector: 'connectivity', title: 'Gangguan jaringan internet di {desa}', opd: 'DISKOMINFO' },
  { sector: 'health', title: 'Kasus demam berdarah meningkat di {desa}', opd: 'DINKES' },
  { sector: 'security', title: 'Keributan warga di {desa}', opd: 'SATPOL-PP' },
  { sector: 'egov', title: 'Layanan kependudukan terganggu di {desa}', opd: 'DISPENDUKCAPIL' },
];
