// jsdom lacks what React Flow measures with; these stand-ins are enough for light canvas tests.
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

const nothing = (): void => undefined;

class ResizeObserverStub {
  observe = nothing;
  unobserve = nothing;
  disconnect = nothing;
}

class DOMMatrixReadOnlyStub {
  m22: number;
  constructor(transform?: string) {
    const scale = transform?.match(/scale\(([1-9.])\)/)?.[1];
    this.m22 = scale === undefined ? 1 : Number(scale);
  }
}

globalThis.ResizeObserver ??= ResizeObserverStub;
Object.assign(globalThis, { DOMMatrixReadOnly: globalThis.DOMMatrixReadOnly ?? DOMMatrixReadOnlyStub });

afterEach(() => cleanup());
