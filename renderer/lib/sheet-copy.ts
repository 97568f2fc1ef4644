import type { Sheet } from '../../core/contracts/sheets';
import { formatFen } from './money';

/** The words around a sheet: who asks for what, and whether it can be confirmed at all. */
export interface SheetCopy {
  title: string;
  confirm: string;
  cancel: string;
  /** set when confirming is impossible; the confirm button is disabled and this note says why */
  blocked?: string;
}

export function virtualModeLabel(mode: 'short_series_goods' | 'short_series_coin'): string {
  return mode === 'short_series_coin' ? 'Coins' : 'Goods';
}

function shortfall(amount: number, balance: number): string | undefined {
  if (amount <= balance) return undefined;
  return `Not enough balance: this costs ${formatFen(amount)} and your wallet holds ${formatFen(balance)} (${formatFen(amount - balance)} short).`;
}

export function sheetCopy(sheet: Sheet): SheetCopy {
  const app = sheet.app.name;
  switch (sheet.kind) {
    case 'userProfile':
      return { title: `${app} requests your profile`, confirm: 'Allow', cancel: 'Deny' };
    case 'phoneNumber':
      return { title: `${app} requests your phone number`, confirm: 'Allow', cancel: 'Deny' };
    case 'authorize':
      return { title: `${app} requests permission`, confirm: 'Allow', cancel: 'Deny' };
    case 'payment': {
      const blocked = shortfall(sheet.amount, sheet.balance);
      return { title: `${app} requests a payment`, confirm: `Pay ${formatFen(sheet.amount)}`, cancel: 'Cancel', ...(blocked ? { blocked } : {}) };
    }
    case 'virtualPayment': {
      const blocked = shortfall(sheet.amount, sheet.balance);
      return { title: `${app} requests a purchase`, confirm: `Pay ${formatFen(sheet.amount)}`, cancel: 'Cancel', ...(blocked ? { blocked } : {}) };
    }
    case 'openSetting':
      return { title: `${app} requests a review of its permissions`, confirm: 'Done', cancel: 'Cancel' };
    case 'clipboardRead':
      return { title: `${app} wants to read your clipboard`, confirm: 'Allow', cancel: 'Deny' };
    case 'chooseImages':
      return { title: `${app} asks you to choose ${sheet.count === 1 ? 'an image' : `up to ${sheet.count} images`}`, confirm: 'Use', cancel: 'Cancel' };
  }
}
