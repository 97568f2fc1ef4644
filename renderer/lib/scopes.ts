/** Human words for the scope names the platform stores, so Settings never shows a raw key alone. */
const LABELS: Record<string, string> = {
  'scope.userInfo': 'Profile (nickname and avatar)',
  'scope.userPhoneNumber': 'Phone number',
  'scope.userLocation': 'Location',
  'scope.address': 'Mailing addresses',
  'scope.invoice': 'Invoice titles',
  'scope.camera': 'Camera',
  'scope.record': 'Microphone',
  'clipboard.read': 'Read the clipboard',
};

export function scopeLabel(scope: string): string {
  return LABELS[scope] ?? scope;
}

const AUDIT_ACTIONS: Record<string, string> = {
  grant: 'Allowed',
  refuse: 'Denied',
  revoke: 'Revoked',
  consent: 'Shared once',
  decline: 'Declined once',
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTIONS[action] ?? action;
}
