// Renders every string inside a JSON value (a node's params): objects and arrays are rebuilt,
// keys are never rendered. compileDeep compiles each template once, so the engine can keep one
// renderer per node per flow version.
import { TemplateError } from './template-error';
import { joinPath } from './walk-strings';
import { cachedTemplate, compileTemplate, isTemplate, type CompiledTemplate, type RenderContext, type RenderOptions } from './template';

/** Deeper values are refused: params this deep are a mistake, and the walk is recursive. */
export const MAX_TEMPLATE_DEPTH = 64;

/** Compiles every template string in `value`. Throws TemplateError whose `path` names the string. */
export function compileDeep(value: unknown): DeepRenderer {
  return build({ value, path: '', depth: 0, compile: compileTemplate });
}

/** Renders every template string in `value` (compiled through the shared cache). */
export function renderDeep(value: unknown, context: RenderContext, options?: RenderOptions): unknown {
  return build({ value, path: '', depth: 0, compile: cachedTemplate })(context, options);
}

interface BuildStep {
  value: unknown;
  path: string;
  depth: number;
  compile: (source: string) => CompiledTemplate;
}

function build(step: BuildStep): DeepRenderer {
  const { value, path, depth } = step;
  if (depth > MAX_TEMPLATE_DEPTH) {
    throw new TemplateError(`value is nested more than ${MAX_TEMPLATE_DEPTH} levels deep`, { path });
  }
  if (isTemplate(value)) return buildString({ ...step, value });
  if (Array.isArray(value)) {
    const items = value.map((item: unknown, index) => build({ ...step, value: item, path: joinPath(path, index), depth: depth + 1 }));
    return (context, options) => items.map((render) => render(context, options));
  }
  if (isPlainObject(value)) {
    const entries = Object.keys(value).map((key): [string, DeepRenderer] => [
      key,
      build({ ...step, value: value[key], path: joinPath(path, key), depth: depth + 1 }),
    ]);
    // fromEntries defines own properties, so a "__proto__" key stays data and never sets a prototype.
    return (context, options) => Object.fromEntries(entries.map(([key, render]) => [key, render(context, options)]));
  }
  return () => value;
}

function buildString(step: BuildStep & { value: string }): DeepRenderer {
  let template: CompiledTemplate;
  try {
    template = step.compile(step.value);
  } catch (error) {
    throw located(error, step.path);
  }
  return (context, options) => {
    try {
      return template.render(context, options);
    } catch (error) {
      throw located(error, step.path);
    }
  };
}

function located(error: unknown, path: string): unknown {
  return error instanceof TemplateError ? error.at(path) : error;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

export type DeepRenderer = (context: RenderContext, options?: RenderOptions) => unknown;
