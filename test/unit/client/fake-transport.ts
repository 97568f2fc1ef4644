import type { WxTransport } from '../../../client/transport';
import type { CallerIdentity } from '../../../core/contracts/app';
import type { Shell } from '../../../core/contracts/services';
import type { RequestEnvelope } from '../../../core/contracts/wire';

export interface ScriptedTransport extends WxTransport {
  sent: RequestEnvelope[];
  emit(event: unknown): void;
}

/** A transport whose answers a test writes: `answer` gets each request and returns what the host "sent back". */
export function scriptedTransport(answer: (msg: RequestEnvelope) => unknown = okAnswer): ScriptedTransport {
  const sent: RequestEnvelope[] = [];
  const listeners: Array<(e: unknown) => void> = [];
  return {
    sent,
    async request(msg) {
      sent.push(msg);
      return answer(msg);
    },
    onEvent(listener) {
      listeners.push(listener);
    },
    emit(event) {
      for (const l of listeners) l(event);
    },
  };
}

export function okAnswer(msg: RequestEnvelope, result: Record<string, unknown> = {}): unknown {
  return { v: 1, id: msg.id, ok: true, result: { ...result, errMsg: `${msg.api}:ok` } };
}

export function failAnswer(msg: RequestEnvelope, errMsg: string, extra: { errno?: number; errCode?: number } = {}): unknown {
  return { v: 1, id: msg.id, ok: false, errMsg, ...extra };
}

/** A transport into a real in-process shell, with the JSON round trip a real wire does. */
export function shellTransport(shell: Shell, caller: CallerIdentity): ScriptedTransport {
  return scriptedTransport((msg) => shell.dispatch(JSON.parse(JSON.stringify(msg)), caller).then((r) => JSON.parse(JSON.stringify(r))));
}

/** Lets every pending promise callback run. */
export const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
