import { arch, cpus, freemem, platform, release, totalmem } from 'node:os';
import type { MiniAppApiHandler } from '../contracts/integrator';

/** A capability only the host has (the machine itself), to show why a custom API exists at all. */
export const systemInfo: MiniAppApiHandler = async () => {
  const cores = cpus();
  return {
    platform: platform(),
    arch: arch(),
    release: release(),
    cpus: cores.length,
    cpuModel: cores[0]?.model.trim() ?? 'unknown',
    totalMemoryMB: Math.round(totalmem() / 2 ** 20),
    freeMemoryMB: Math.round(freemem() / 2 ** 20),
  };
};
