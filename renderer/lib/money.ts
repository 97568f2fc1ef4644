/** Money is kept in fen (1/100 CNY) everywhere; only the screen turns it into "¥1,234.56". */
export function formatFen(fen: number): string {
  if (!Number.isFinite(fen)) return '¥—';
  const whole = Math.trunc(fen);
  const sign = whole < 0 ? '-' : '';
  const abs = Math.abs(whole);
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  const grouped = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${grouped}.${String(cents).padStart(2, '0')}`;
}
