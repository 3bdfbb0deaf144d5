// The helpers templates may call, with the docs the editor shows. Every helper is pure (the clock
// aside) and total: odd input gives '' or false, never an exception, because templates run on
// whatever a webhook sent.
import { formatDate, parseDate } from './date-format';
import { base64Encode } from './text-encoding';
import { isRecord, isTruthy, ownProperty, safeJson, toNumber, toText } from './template-values';

/** Key of the render-time clock in Handlebars' @data; read by `now` and `date`. */
export const CLOCK_DATA_KEY = 'hookflowClock';

/** Internal helper every `{{expression}}` prints through (see printMustachesAsText). */
export const TEXT_HELPER = '__text';

/** Handlebars built-ins that stay available (log is removed: templates must not write logs). */
const BUILT_IN_HELPERS: TemplateHelperDoc[] = [
  { name: 'if', signature: '{{#if value}}…{{else}}…{{/if}}', description: 'Renders the first part when value is truthy (not false, empty, 0, null or an empty list), else the part after {{else}}.', example: '{{#if (gt trigger.body.total 100)}}big order{{else}}small order{{/if}}' },
  { name: 'unless', signature: '{{#unless value}}…{{/unless}}', description: 'The opposite of if.', example: '{{#unless trigger.body.paid}}unpaid{{/unless}}' },
  { name: 'each', signature: '{{#each list}}…{{/each}}', description: 'Renders its body once per item; inside, {{this}} is the item and {{@index}} its position.', example: '{{#each trigger.body.items}}{{this.sku}} {{/each}}' },
  { name: 'with', signature: '{{#with object}}…{{/with}}', description: 'Renders its body with object as the context.', example: '{{#with trigger.body.customer}}{{name}} <{{email}}>{{/with}}' },
];

const HELPERS: HelperDefinition[] = [
  // Replaces Handlebars' lookup so that a key given as text cannot reach a blocked key either.
  { name: 'lookup', signature: 'lookup object key', description: 'The object’s own property named by key (useful when the key comes from data).', example: '{{lookup trigger.body.prices trigger.body.currency}}', run: ({ params: [object, key] }) => (typeof key === 'string' || typeof key === 'number' ? ownProperty(object, String(key)) : undefined) },
  { name: 'json', signature: 'json value [pretty]', description: 'The value as JSON; pass true to indent it.', example: '{{json trigger.body}}', run: ({ params: [value, pretty], hash }) => safeJson(value, isTruthy(pretty ?? hash.pretty) ? 2 : undefined) ?? '' },
  { name: 'default', signature: 'default value fallback', description: 'The value, or fallback when the value is missing, null or empty text.', example: '{{default trigger.body.name "customer"}}', run: ({ params: [value, fallback] }) => (value === undefined || value === null || value === '' ? fallback : value) },
  { name: 'eq', signature: 'eq a b', description: 'True when a and b are equal; a number and a text holding that number are equal.', example: '{{#if (eq trigger.body.status "paid")}}…{{/if}}', run: ({ params: [a, b] }) => looseEqual(a, b) },
  { name: 'ne', signature: 'ne a b', description: 'True when a and b differ (the opposite of eq).', example: '{{#if (ne trigger.body.country "FR")}}…{{/if}}', run: ({ params: [a, b] }) => !looseEqual(a, b) },
  { name: 'gt', signature: 'gt a b', description: 'True when a > b (numbers, or texts such as ISO dates).', example: '{{#if (gt trigger.body.total 100)}}…{{/if}}', run: ({ params: [a, b] }) => compare(a, b, (order) => order > 0) },
  { name: 'gte', signature: 'gte a b', description: 'True when a ≥ b.', example: '{{#if (gte trigger.body.quantity 10)}}…{{/if}}', run: ({ params: [a, b] }) => compare(a, b, (order) => order >= 0) },
  { name: 'lt', signature: 'lt a b', description: 'True when a < b.', example: '{{#if (lt trigger.body.stock 5)}}…{{/if}}', run: ({ params: [a, b] }) => compare(a, b, (order) => order < 0) },
  { name: 'lte', signature: 'lte a b', description: 'True when a ≤ b.', example: '{{#if (lte trigger.body.stock 0)}}…{{/if}}', run: ({ params: [a, b] }) => compare(a, b, (order) => order <= 0) },
  { name: 'and', signature: 'and a b …', description: 'True when every value is truthy.', example: '{{#if (and trigger.body.paid (gt trigger.body.total 0))}}…{{/if}}', run: ({ params }) => params.length > 0 && params.every(isTruthy) },
  { name: 'or', signature: 'or a b …', description: 'True when at least one value is truthy.', example: '{{#if (or trigger.body.vip (gt trigger.body.total 1000))}}…{{/if}}', run: ({ params }) => params.some(isTruthy) },
  { name: 'not', signature: 'not value', description: 'True when the value is falsy.', example: '{{#if (not trigger.body.paid)}}…{{/if}}', run: ({ params: [value] }) => !isTruthy(value) },
  { name: 'lowercase', signature: 'lowercase text', description: 'The text in lower case.', example: '{{lowercase trigger.body.email}}', run: ({ params: [text] }) => scalarText(text).toLowerCase() },
  { name: 'uppercase', signature: 'uppercase text', description: 'The text in upper case.', example: '{{uppercase trigger.body.country}}', run: ({ params: [text] }) => scalarText(text).toUpperCase() },
  { name: 'trim', signature: 'trim text', description: 'The text without leading and trailing spaces.', example: '{{trim trigger.body.name}}', run: ({ params: [text] }) => scalarText(text).trim() },
  { name: 'join', signature: 'join list [separator]', description: 'The items of a list joined by separator (default ", ").', example: '{{join trigger.body.tags " / "}}', run: ({ params: [list, separator] }) => (Array.isArray(list) ? list.map(toText).join(typeof separator === 'string' ? separator : ', ') : '') },
  { name: 'length', signature: 'length value', description: 'Number of items in a list, characters in a text or keys in an object; 0 otherwise.', example: '{{length trigger.body.items}}', run: ({ params: [value] }) => lengthOf(value) },
  { name: 'date', signature: 'date [value] [format]', description: 'Formats a date (ISO text, or epoch seconds or milliseconds) in UTC. Format is "iso" (default) or tokens YYYY MM DD HH mm ss SSS. With no value: now.', example: '{{date trigger.receivedAt "YYYY-MM-DD"}}', run: formatDateHelper },
  { name: 'now', signature: 'now [format]', description: 'The current time in UTC, as ISO text or in the given format.', example: '{{now "YYYY-MM-DD HH:mm"}}', run: ({ params: [format], now }) => formatDate(now(), typeof format === 'string' ? format : 'iso') },
  { name: 'add', signature: 'add a b', description: 'a + b (numbers or numeric texts); empty when either is not a number.', example: '{{add trigger.body.subtotal trigger.body.shipping}}', run: ({ params: [a, b] }) => arithmetic(a, b, (x, y) => x + y) },
  { name: 'subtract', signature: 'subtract a b', description: 'a − b.', example: '{{subtract trigger.body.total trigger.body.discount}}', run: ({ params: [a, b] }) => arithmetic(a, b, (x, y) => x - y) },
  { name: 'multiply', signature: 'multiply a b', description: 'a × b.', example: '{{multiply trigger.body.price trigger.body.quantity}}', run: ({ params: [a, b] }) => arithmetic(a, b, (x, y) => x * y) },
  { name: 'divide', signature: 'divide a b', description: 'a ÷ b; empty when b is 0.', example: '{{divide trigger.body.total 100}}', run: ({ params: [a, b] }) => arithmetic(a, b, (x, y) => (y === 0 ? undefined : x / y)) },
  { name: 'round', signature: 'round number [decimals]', description: 'The number rounded to decimals places (default 0).', example: '{{round (divide trigger.body.cents 100) 2}}', run: ({ params: [value, decimals] }) => roundTo(value, decimals) },
  { name: 'substring', signature: 'substring text start [end]', description: 'The part of the text from position start (0-based) up to, not including, end.', example: '{{substring trigger.body.sku 0 3}}', run: ({ params: [text, start, end] }) => scalarText(text).substring(toNumber(start) ?? 0, toNumber(end)) },
  { name: 'replace', signature: 'replace text search replacement', description: 'The text with every occurrence of search (plain text, not a pattern) replaced.', example: '{{replace trigger.body.phone " " ""}}', run: ({ params: [text, search, replacement] }) => replaceAll(scalarText(text), scalarText(search), scalarText(replacement)) },
  { name: 'split', signature: 'split text [separator]', description: 'A list of the parts of text between separators (default ","); use with each or join.', example: '{{#each (split trigger.query.ids ",")}}{{this}} {{/each}}', run: ({ params: [text, separator] }) => (typeof text === 'string' ? text.split(typeof separator === 'string' ? separator : ',') : []) },
  { name: 'urlencode', signature: 'urlencode text', description: 'The text encoded for a URL query or path part.', example: 'https://api.example.com/search?q={{urlencode trigger.body.query}}', run: ({ params: [text] }) => urlEncode(scalarText(text)) },
  { name: 'base64', signature: 'base64 text', description: 'The text’s UTF-8 bytes in Base64.', example: 'Basic {{base64 "user:password"}}', run: ({ params: [text] }) => base64Encode(scalarText(text)) },
];

/** Every helper a template may use, for the editor's help and autocomplete. */
export const templateHelpers: ReadonlyArray<TemplateHelperDoc> = [...BUILT_IN_HELPERS, ...HELPERS].map(
  ({ name, signature, description, example }) => ({ name, signature, description, example }),
);

/** Names that a bare `{{name}}` calls as a helper rather than reading from the context. */
export const helperNames: ReadonlySet<string> = new Set([
  ...templateHelpers.map((helper) => helper.name),
  'helperMissing',
  'blockHelperMissing',
  TEXT_HELPER,
]);

/** Registers the helpers on an isolated Handlebars environment and removes `log`. */
export function registerTemplateHelpers(handlebars: HelperRegistry): void {
  handlebars.unregisterHelper('log');
  handlebars.registerHelper(TEXT_HELPER, (value: unknown) => toText(value));
  for (const helper of HELPERS) {
    handlebars.registerHelper(helper.name, (...args: unknown[]) => {
      try {
        return helper.run(helperArguments(args));
      } catch {
        return '';
      }
    });
  }
}

/** Handlebars calls a helper with its params and, last, an options object (hash, @data). */
function helperArguments(args: unknown[]): HelperArguments {
  const options = args.length > 0 ? args[args.length - 1] : undefined;
  const hash = isRecord(options) && isRecord(options.hash) ? options.hash : {};
  const clock = isRecord(options) && isRecord(options.data) ? options.data[CLOCK_DATA_KEY] : undefined;
  return { params: args.slice(0, -1), hash, now: () => readClock(clock) };
}

function readClock(clock: unknown): Date {
  const time: unknown = typeof clock === 'function' ? clock() : undefined;
  return parseDate(time) ?? new Date();
}

function formatDateHelper({ params, now }: HelperArguments): string {
  const [value, format] = params;
  const date = params.length === 0 ? now() : parseDate(value);
  return date ? formatDate(date, typeof format === 'string' ? format : 'iso') : '';
}

function looseEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const mixed = (typeof a === 'number' && typeof b === 'string') || (typeof a === 'string' && typeof b === 'number');
  return mixed && toNumber(a) !== undefined && toNumber(a) === toNumber(b);
}

function compare(a: unknown, b: unknown, test: (order: number) => boolean): boolean {
  const x = toNumber(a);
  const y = toNumber(b);
  if (x !== undefined && y !== undefined) return test(x - y);
  if (typeof a === 'string' && typeof b === 'string') return test(a < b ? -1 : a > b ? 1 : 0);
  return false;
}

function arithmetic(a: unknown, b: unknown, operate: (x: number, y: number) => number | undefined): number | string {
  const x = toNumber(a);
  const y = toNumber(b);
  const result = x === undefined || y === undefined ? undefined : operate(x, y);
  return result !== undefined && Number.isFinite(result) ? result : '';
}

function roundTo(value: unknown, decimals: unknown): number | string {
  const number = toNumber(value);
  if (number === undefined) return '';
  const places = Math.min(Math.max(Math.trunc(toNumber(decimals) ?? 0), 0), 15);
  // Shifting through the exponent avoids 1.005 * 100 = 100.49999…
  const shifted = Math.round(Number(`${number}e${places}`));
  const result = Number(`${shifted}e-${places}`);
  if (Number.isFinite(result)) return result;
  const factor = 10 ** places;
  return Math.round(number * factor) / factor;
}

function lengthOf(value: unknown): number {
  if (Array.isArray(value) || typeof value === 'string') return value.length;
  return isRecord(value) ? Object.keys(value).length : 0;
}

function scalarText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

function replaceAll(text: string, search: string, replacement: string): string {
  return search === '' ? text : text.split(search).join(replacement);
}

function urlEncode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return ''; // lone surrogate
  }
}

export interface TemplateHelperDoc {
  name: string;
  /** How to call it, e.g. "join list [separator]" (brackets mark optional params). */
  signature: string;
  description: string;
  example: string;
}

export interface HelperRegistry {
  registerHelper(name: string, fn: (...args: unknown[]) => unknown): void;
  unregisterHelper(name: string): void;
}

interface HelperArguments {
  params: unknown[];
  hash: Record<string, unknown>;
  now: () => Date;
}

interface HelperDefinition extends TemplateHelperDoc {
  run: (args: HelperArguments) => unknown;
}
