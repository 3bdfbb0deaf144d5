// WebAssembly instances of QuickJS, each with a linear memory capped at a run's memory limit.
// QuickJS's own limit (JS_SetMemoryLimit) is not enough in this build: without malloc_usable_size
// it checks each allocation's size but adds only 8 bytes per block to the running total, so many
// 1 MB strings never reach a 32 MB limit (quickjs-emscripten issues #255, #271). A memory that
// cannot grow past the limit makes malloc fail, and QuickJS throws "out of memory".
//
// Every run gets a fresh QuickJS runtime and context. The instance under them (about 2 ms to make,
// ten times the cost of a small run) is kept for the thread's next run with the same limit, but
// only after a clean run: one that timed out, ran out of memory or broke the instance is dropped
// with everything in its memory. QuickJS hands code no memory it has not initialized (new
// ArrayBuffers are zeroed), so what one run freed is not readable by the next.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import releaseSync from '@jitl/quickjs-wasmfile-release-sync';
import { newQuickJSWASMModuleFromVariant, newVariant, type QuickJSWASMModule } from 'quickjs-emscripten-core';

const PAGE_BYTES = 65_536;
/** What the build itself takes before any user data (stack, static data, runtime): its initial memory. */
export const BASE_MEMORY_BYTES = 16 * 1024 * 1024;
/** Runs one instance serves at most, so fragmentation of its heap cannot build up without end. */
const MAX_RUNS_PER_INSTANCE = 200;

export interface QuickJsInstance {
  module: QuickJSWASMModule;
  memoryBytes: number;
  runs: number;
  /** Whether the instance's memory has grown to its cap (what an allocation failure looks like). */
  memoryFull(): boolean;
}

interface WasmMemory {
  readonly buffer: ArrayBuffer;
}

/** The part of the WebAssembly global used here: the repo's TypeScript lib (ES2023, no DOM) has no types for it. */
interface WasmApi {
  Memory: new (descriptor: { initial: number; maximum: number }) => WasmMemory;
  compile(bytes: Uint8Array): Promise<object>;
}

const wasm: WasmApi = Reflect.get(globalThis, 'WebAssembly');
let compiled: Promise<object> | undefined;
/** The thread's instance kept from its last clean run. */
let kept: QuickJsInstance | undefined;

/** Compiles the QuickJS WebAssembly module once per thread; instances share the compiled code. */
export function compileQuickJs(): Promise<object> {
  compiled ??= wasm.compile(readFileSync(createRequire(__filename).resolve('@jitl/quickjs-wasmfile-release-sync/wasm')));
  return compiled;
}

/** An instance for one run with this memory limit: the kept one when it fits, else a new one. */
export async function takeQuickJsInstance(memoryBytes: number): Promise<QuickJsInstance> {
  const reusable = kept;
  kept = undefined;
  if (reusable && reusable.memoryBytes === memoryBytes) {
    reusable.runs++;
    return reusable;
  }
  return { ...(await newQuickJsInstance(memoryBytes)), runs: 1 };
}

/** Hands back the instance of a run that ended cleanly (its runtime disposed without error). */
export function keepQuickJsInstance(instance: QuickJsInstance): void {
  if (instance.runs < MAX_RUNS_PER_INSTANCE && !instance.memoryFull()) kept = instance;
}

async function newQuickJsInstance(memoryBytes: number): Promise<Omit<QuickJsInstance, 'runs'>> {
  const maxBytes = BASE_MEMORY_BYTES + Math.ceil(memoryBytes / PAGE_BYTES) * PAGE_BYTES;
  const memory = new wasm.Memory({ initial: BASE_MEMORY_BYTES / PAGE_BYTES, maximum: maxBytes / PAGE_BYTES });
  const module = await newQuickJSWASMModuleFromVariant(newVariant(releaseSync, { wasmModule: compileQuickJs, wasmMemory: memory }));
  // Growth is in pages and clamped at the maximum: a full memory is exactly at its cap.
  return { module, memoryBytes, memoryFull: () => memory.buffer.byteLength + PAGE_BYTES > maxBytes };
}
