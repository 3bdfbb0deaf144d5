export const EDITOR_DIR = Symbol('EDITOR_DIR');
