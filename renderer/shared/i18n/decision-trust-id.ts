// Bahasa Indonesia for the verified decision log and the tamper alarm; spread into id.ts.
export const decisionTrustId = {
  'trust.alarm': 'Peringatan: log keputusan tidak cocok',
  'trust.alarmDetail':
    '{n} keputusan dari server pusat gagal diverifikasi atau berbeda dari salinan terverifikasi (terakhir #{seq}); salinan asli disimpan.',
  'trust.verifiedTo': 'terverifikasi sampai #{seq}',
  'trust.verifiedNone': 'belum ada yang terverifikasi',
} as const;
