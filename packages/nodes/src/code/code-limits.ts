// A code node's limits: what its params ask, capped by the server-wide maxima the host passes in
// settings. Capped rather than refused, so a flow made on a server with higher maxima still runs
// here; the step's error names the limit that applied.

export const DEFAULT_MAX_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_MEMORY_MB = 128;

export interface CodeLimits {
  timeoutMs: number;
  memoryMb: number;
}

export function codeLimits(params: CodeLimits, settings: Readonly<Record<string, string | undefined>>): CodeLimits {
  return {
    timeoutMs: Math.min(params.timeoutMs, positiveSetting(settings.CODE_MAX_TIMEOUT_MS, DEFAULT_MAX_TIMEOUT_MS)),
    memoryMb: Math.min(params.memoryMb, positiveSetting(settings.CODE_MAX_MEMORY_MB, DEFAULT_MAX_MEMORY_MB)),
  };
}

function positiveSetting(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return value !== undefined && Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}
