export * from './node-type';
export * from './node-errors';
export * from './node-registry';
export * from './http-client';
export * from './engine-services';
export * from './compile-flow';
export * from './run-flow';
export * from './test-harness';
