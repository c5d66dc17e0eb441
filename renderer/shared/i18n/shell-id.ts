// Bahasa Indonesia for the console shell (views, header help) and the first-run guide; spread into id.ts.
export const shellId = {
  'shell.views': 'Tampilan',
  'shell.view.map': 'Peta & Insiden',
  'shell.view.decisions': 'Keputusan',
  'shell.view.sectors': 'Sektor',
  'shell.view.connectivity': 'Konektivitas',
  'shell.view.wall': 'Dinding',
  'shell.view.accounts': 'Akun',
  'shell.shortcut': 'Pintasan: {key}',
  'shell.refused': '{n} perlu ditinjau',
  'shell.incidentDetails': 'Rincian insiden',
  'shell.incidentReadOnly':
    'Peran Anda ({role}) dapat melihat insiden dan riwayatnya; hanya operator dan supervisor yang dapat mengubahnya.',
  'shell.noData':
    'Data belum tersedia. Data muncul setelah konsol tersinkron dengan server pusat; lihat status sinkron di kepala layar.',
  'shell.noPending': 'semua terkirim',
  'shell.help': 'Panduan',
  'shell.helpTitle': 'Buka panduan singkat (tiga tugas utama)',

  'guide.title': 'Panduan singkat',
  'guide.step': 'Langkah {n} dari {total}',
  'guide.close': 'Tutup panduan',
  'guide.back': 'Sebelumnya',
  'guide.next': 'Berikutnya',
  'guide.finish': 'Selesai',
  'guide.intro': 'Tiga tugas utama di ruang ini. Setiap langkah membuka tampilannya di belakang panduan ini.',
  'guide.find.title': 'Temukan insiden',
  'guide.find.body':
    'Di Peta & Insiden ({key}), ketik di "Cari insiden" nama tempat atau kata dari catatan, atau pakai saringan sektor, status dan OPD. Klik insiden di daftar atau di peta: rincian dan riwayatnya tampil di kolom kanan.',
  'guide.decide.title': 'Catat keputusan',
  'guide.decide.body':
    'Di Keputusan ({key}), isi Ringkasan, Alasan dan Tindakan, pilih insiden terkait bila ada, lalu tekan "Catat keputusan". Keputusan ditandatangani atas nama Anda dan tetap tersimpan saat luring.',
  'guide.decide.blocked': 'Peran Anda ({role}) dapat membaca log keputusan tetapi tidak mencatat keputusan.',
  'guide.wall.title': 'Ganti tampilan dinding',
  'guide.wall.body':
    'Di Dinding ({key}), tekan "Tampilkan …" pada tata letak yang diinginkan, atau tombol 1–9 selama tampilan Dinding terbuka. Salah pilih? Tekan "Urungkan", U atau Ctrl+Z.',
  'guide.wall.blocked': 'Peran Anda ({role}) dapat melihat isi dinding tetapi tidak menggantinya.',
  'guide.reopen': 'Panduan ini dapat dibuka lagi kapan saja dengan tombol "Panduan" di kepala layar.',
} as const;
