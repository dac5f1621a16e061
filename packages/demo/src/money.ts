// Writes amounts (kept as integer fen/cents) the way each DMS does: plain, grouped, with 元 or ￥.

/**
 * fixed2 `1234.50` · short `1234.5` · grouped-yuan `1,234.50元` · grouped-yen `￥1,234.50` · yen-short `¥1234.5`
 */
export type MoneyFormat = 'fixed2' | 'short' | 'grouped-yuan' | 'grouped-yen' | 'yen-short';

function fixed2(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const a = Math.abs(cents);
  const frac = a % 100;
  return `${sign}${(a - frac) / 100}.${frac < 10 ? '0' : ''}${frac}`;
}

function grouped(cents: number): string {
  const text = fixed2(cents);
  const sign = text.startsWith('-') ? '-' : '';
  const [int, frac] = text.replace('-', '').split('.') as [string, string];
  return `${sign}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

function short(cents: number): string {
  return String(cents / 100);
}

export function formatMoney(fmt: MoneyFormat, cents: number): string {
  switch (fmt) {
    case 'fixed2':
      return fixed2(cents);
    case 'short':
      return short(cents);
    case 'grouped-yuan':
      return `${grouped(cents)}元`;
    case 'grouped-yen':
      return `￥${grouped(cents)}`;
    case 'yen-short':
      return `¥${short(cents)}`;
  }
}

/** Plain number for totals rows: the contract wants "empty or numbers" beside 合计. */
export function plainAmount(cents: number): string {
  return fixed2(cents);
}
