// An optional group of settings (a webhook's signature check, handshakes, rate limit, ordering…)
// folded under its title until it is used: a trigger has some 40 such fields, and most flows need
// none. The summary says whether the group is set, so nothing hides what the document holds.
import { useState, type ReactNode } from 'react';

interface CollapsibleGroupProps {
  id: string;
  label: string;
  help?: string;
  /** set: the document holds it; default: absent, the server applies the schema's default; off: absent. */
  state: 'set' | 'default' | 'off';
  problems: readonly string[];
  children: ReactNode;
}

const STATE_WORDS = { set: 'set', default: 'default', off: 'not used' } as const;

export function CollapsibleGroup({ id, label, help, state, problems, children }: CollapsibleGroupProps) {
  const [open, setOpen] = useState(state === 'set' || problems.length > 0);
  return (
    <details className="field field-group collapsible" open={open} onToggle={(event) => setOpen(event.currentTarget.open)} data-testid={`${id}-section`}>
      <summary className="field-label">
        {label} <span className={`section-state state-${state}`}>{STATE_WORDS[state]}</span>
      </summary>
      {help ? (
        <p className="field-help" id={`${id}-help`}>
          {help}
        </p>
      ) : null}
      {children}
      {problems.map((problem) => (
        <p key={problem} className="field-problem" role="alert">
          {problem}
        </p>
      ))}
    </details>
  );
}
