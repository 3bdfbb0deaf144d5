// Input and output of a step as a collapsible tree: objects and lists fold, values are typed.
import { memo, useState } from 'react';
import { isRecord } from '../api/http';

const OPEN_DEPTH = 3;

export const JsonTree = memo(function JsonTree({ value, label, testId }: { value: unknown; label?: string; testId?: string }) {
  return (
    <div className="json-tree" data-testid={testId} role="tree" aria-label={label}>
      <JsonEntry name={undefined} value={value} depth={0} />
    </div>
  );
});

function JsonEntry({ name, value, depth }: { name: string | undefined; value: unknown; depth: number }) {
  const [open, setOpen] = useState(depth < OPEN_DEPTH);
  const children = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : isRecord(value) ? Object.entries(value) : null;
  const key = name === undefined ? null : <span className="json-key">{name}: </span>;
  if (!children) {
    return (
      <div className="json-line" role="treeitem" aria-selected={false}>
        {key}
        <JsonScalar value={value} />
      </div>
    );
  }
  const brackets = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return (
    <div role="treeitem" aria-expanded={open} aria-selected={false}>
      <button type="button" className="json-toggle" onClick={() => setOpen(!open)} aria-label={`${open ? 'Collapse' : 'Expand'} ${name ?? 'value'}`}>
        <span aria-hidden="true">{open ? '▾' : '▸'}</span>
        {key}
        <span className="json-punct">
          {brackets[0]}
          {open ? '' : ` ${countLabel(children.length, Array.isArray(value) ? 'item' : 'key')} ${brackets[1]}`}
        </span>
      </button>
      {open ? (
        <div className="json-children" role="group">
          {children.map(([childName, child]) => (
            <JsonEntry key={childName} name={childName} value={child} depth={depth + 1} />
          ))}
          <span className="json-punct">{brackets[1]}</span>
        </div>
      ) : null}
    </div>
  );
}

function JsonScalar({ value }: { value: unknown }) {
  if (value === undefined) return <span className="json-null">undefined</span>;
  if (value === null) return <span className="json-null">null</span>;
  if (typeof value === 'string') return <span className="json-string">{JSON.stringify(value)}</span>;
  if (typeof value === 'number') return <span className="json-number">{value}</span>;
  if (typeof value === 'boolean') return <span className="json-boolean">{String(value)}</span>;
  return <span>{String(value)}</span>;
}

function countLabel(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
