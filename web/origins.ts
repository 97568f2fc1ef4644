/**
 * The browser host's origins. The shell UI lives at http://localhost:PORT, each mini program at its own
 * site http://<appId lowercased>.localhost:PORT (Chromium resolves *.localhost to loopback and treats each
 * label as a separate site), and the platform server API also answers at http://127.0.0.1:PORT.
 * A request naming any other Host is refused: a DNS-rebinding page would arrive with its own name.
 */

export type HostTarget =
  | { kind: 'shell' }
  | { kind: 'loopback' }
  | { kind: 'app'; label: string }
  | { kind: 'foreign'; why: string };

const LABEL = /^[a-z][a-z0-9_-]{2,63}$/;

export function appLabel(appId: string): string {
  return appId.toLowerCase();
}

export function shellOrigin(port: number): string {
  return `http://localhost:${port}`;
}

export function loopbackOrigin(port: number): string {
  return `http://127.0.0.1:${port}`;
}

export function appOrigin(appId: string, port: number): string {
  return `http://${appLabel(appId)}.localhost:${port}`;
}

export function appWsOrigin(appId: string, port: number): string {
  return `ws://${appLabel(appId)}.localhost:${port}`;
}

/** Which of our origins a Host header names; anything else is "foreign" with the reason. */
export function classifyHost(hostHeader: string | undefined, port: number): HostTarget {
  if (!hostHeader) return { kind: 'foreign', why: 'the request has no Host header' };
  const host = hostHeader.trim().toLowerCase();
  const suffix = `:${port}`;
  if (!host.endsWith(suffix)) return { kind: 'foreign', why: `Host "${hostHeader}" is not on port ${port}` };
  const name = host.slice(0, -suffix.length);
  if (name === 'localhost') return { kind: 'shell' };
  if (name === '127.0.0.1') return { kind: 'loopback' };
  if (name.endsWith('.localhost')) {
    const label = name.slice(0, -'.localhost'.length);
    if (LABEL.test(label)) return { kind: 'app', label };
  }
  return { kind: 'foreign', why: `Host "${hostHeader}" is not served here` };
}

/** Exact match, never a prefix: "http://localhost:7300.evil.test" must not pass as the shell. */
export function originIs(originHeader: string | undefined, expected: string): boolean {
  return originHeader === expected;
}
