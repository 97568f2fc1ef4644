import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ApiError, Errno } from '../contracts/errors';
import type { MiniAppApiHandler } from '../contracts/integrator';

const MAX_NOTES_PER_APP = 200;

const AddInput = z.object({
  text: z.string().trim().min(1, 'data.text must be a non-empty string').max(500, 'data.text is at most 500 characters'),
});

export interface Note {
  id: string;
  text: string;
  at: number;
}

/**
 * A per-app in-memory notebook: "notes.add" { text } -> { note, count }, "notes.list" -> { notes }.
 * Keyed by the caller's appId from the host, so app B never sees app A's notes whatever it sends.
 */
export function createNotes(now: () => number = Date.now): { add: MiniAppApiHandler; list: MiniAppApiHandler } {
  const byApp = new Map<string, Note[]>();
  const notesOf = (appId: string) => {
    let list = byApp.get(appId);
    if (!list) byApp.set(appId, (list = []));
    return list;
  };
  return {
    async add(call) {
      const input = AddInput.safeParse(call.params.data);
      if (!input.success) {
        throw new ApiError(input.error.issues[0]?.message ?? 'data.text is required', { errno: Errno.parameterError });
      }
      const list = notesOf(call.appInfo.appId);
      if (list.length >= MAX_NOTES_PER_APP) {
        throw new ApiError(`at most ${MAX_NOTES_PER_APP} notes per app; the list is kept in memory until the host restarts`);
      }
      const note: Note = { id: randomUUID(), text: input.data.text, at: now() };
      list.push(note);
      return { note: { ...note }, count: list.length };
    },
    async list(call) {
      return { notes: notesOf(call.appInfo.appId).map((n) => ({ ...n })) };
    },
  };
}
