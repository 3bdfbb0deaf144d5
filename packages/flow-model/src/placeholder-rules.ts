// Templates and examples mark what a user must fill in with `<<…>>` (`<<your Slack webhook URL>>`),
// in any param: a URL, a webhook's signing secret (which is never rendered), a code node's code.
// Such a value is refused until it is replaced, so a flow made from a template never reads as ready
// while it still points nowhere. The server also leaves placeholders out of its secret redaction:
// a placeholder is not a secret, and showing it as "[redacted]" hid it from the user.
import type { NodeTypeDescriptor } from './node-catalog';
import { paramIssue, type IndexedNode } from './node-rules';
import { MAX_TEMPLATE_DEPTH } from './template-deep';
import type { ValidationIssue } from './validation-error';
import { forEachString } from './walk-strings';

// A letter first, so code-like text such as `a << 2 >> 1` is not taken for one.
const PLACEHOLDER = /<<\s*([A-Za-z][^<>{}\n]{0,120}?)\s*>>/;

/** The first placeholder in `text` (`<<your API host>>`), or undefined. */
export function findPlaceholder(text: string): string | undefined {
  return PLACEHOLDER.exec(text)?.[0];
}

/** What each placeholder anywhere in `value` asks for (`your API host`), once each, in document order. */
export function placeholdersIn(value: unknown): string[] {
  const found = new Set<string>();
  const every = new RegExp(PLACEHOLDER.source, 'g');
  forEachString({ value, maxDepth: MAX_TEMPLATE_DEPTH, visit: (text) => [...text.matchAll(every)].forEach((match) => found.add(match[1])) });
  return [...found];
}

export function placeholderIssues({ nodes, descriptors }: PlaceholderRules): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const item of nodes) {
    const descriptor = descriptors.get(item.node.id);
    forEachString({
      value: item.node.params,
      maxDepth: MAX_TEMPLATE_DEPTH,
      visit: (text, path) => {
        const placeholder = findPlaceholder(text);
        if (placeholder === undefined) return;
        const message = `contains the placeholder ${placeholder}: replace it with your own value`;
        issues.push(paramIssue({ item, paramPath: path, message, paramsSchema: descriptor?.paramsSchema }));
      },
    });
  }
  return issues;
}

interface PlaceholderRules {
  nodes: readonly IndexedNode[];
  descriptors: ReadonlyMap<string, NodeTypeDescriptor>;
}
