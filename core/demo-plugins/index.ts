import type { MiniAppApiHandler } from '../contracts/integrator';
import { echo } from './echo';
import { createNotes } from './notes';
import { systemInfo } from './system-info';

/**
 * The custom APIs both hosts register for the custom-API sample (wx.invokeNativePlugin({ api_name })).
 * An app may call one only if its manifest lists it under permissions.customApi.
 *   echo        -> the MiniApiCall the handler received (appInfo, apiName, webViewId, params)
 *   systemInfo  -> { platform, arch, release, cpus, cpuModel, totalMemoryMB, freeMemoryMB }
 *   notes.add   -> data { text } -> { note: { id, text, at }, count }   (per app, in memory)
 *   notes.list  -> { notes: [...] }                                     (only the caller's own notes)
 * Each call returns a fresh set, so two shells in one process never share notes.
 */
export const DEMO_PLUGIN_NAMES = ['echo', 'systemInfo', 'notes.add', 'notes.list'] as const;

export function demoPlugins(): Record<string, MiniAppApiHandler> {
  const notes = createNotes();
  return {
    echo,
    systemInfo,
    'notes.add': notes.add,
    'notes.list': notes.list,
  };
}
