// Bahasa Indonesia for checking and exporting the decision log; spread into id.ts.
export const decisionLogId = {
  'chain.broken': 'Rantai putus di #{seq} ({reason}); terverifikasi sampai #{last}',
  'chain.brokenFirst': 'Rantai putus di #{seq} ({reason})',
  'chain.reason.order': 'urutan seq salah',
  'chain.reason.prevHash': 'prevHash tidak cocok',
  'chain.reason.hash': 'hash tidak cocok',
  'supersede.by': 'Dikoreksi oleh: {summary}',
  'supersede.of': 'Koreksi atas: {summary}',
  'export.title': 'Ekspor log keputusan',
  'export.from': 'Dari tanggal',
  'export.to': 'Sampai tanggal',
  'export.semicolon': 'Pemisah titik koma (;) untuk Excel berbahasa Indonesia',
  'export.csv': 'Ekspor CSV',
  'export.done': '{count} keputusan diekspor',
} as const;
