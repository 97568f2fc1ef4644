/** What the trusted sheets call each scope: plain words for the user, never the raw scope id. */
const LABELS: Record<string, string> = {
  'scope.userInfo': 'Your profile (nickname, avatar, region)',
  'scope.userPhoneNumber': 'Your phone number',
  'scope.userLocation': 'Your location',
  'scope.address': 'Your shipping addresses',
  'scope.invoice': 'Your invoice titles',
  'scope.camera': 'The camera',
  'scope.record': 'The microphone',
  'clipboard.read': 'What you copied to the clipboard',
};

export function scopeLabel(scope: string): string {
  return LABELS[scope] ?? scope;
}
