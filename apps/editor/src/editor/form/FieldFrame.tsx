import type { ReactNode } from 'react';

interface FieldFrameProps {
  id: string;
  label: string;
  help?: string;
  required?: boolean;
  problems?: readonly string[];
  children: ReactNode;
  /** For groups (maps, rows): a fieldset with a legend instead of a label. */
  group?: boolean;
}

/** Label, help text and problems around one field; help and problems are tied to the input. */
export function FieldFrame({ id, label, help, required, problems = [], children, group = false }: FieldFrameProps) {
  const title = (
    <>
      {label}
      {required ? (
        <span className="required" aria-hidden="true">
          {' '}
          *
        </span>
      ) : null}
    </>
  );
  const footer = (
    <>
      {help ? (
        <p className="field-help" id={`${id}-help`}>
          {help}
        </p>
      ) : null}
      {problems.map((problem) => (
        <p key={problem} className="field-problem" role="alert">
          {problem}
        </p>
      ))}
    </>
  );
  if (group) {
    return (
      <fieldset className="field field-group" aria-describedby={help ? `${id}-help` : undefined}>
        <legend className="field-label">{title}</legend>
        {children}
        {footer}
      </fieldset>
    );
  }
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {title}
      </label>
      {children}
      {footer}
    </div>
  );
}
