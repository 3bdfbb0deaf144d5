/** The engine's CodeSandbox for this process (a CodeSandboxPool). */
export const CODE_SANDBOX = Symbol('CODE_SANDBOX');
