// A text field that understands templates: typing inside `{{` offers variables from the sample and
// upstream outputs (and helpers); below, a live preview renders the value against the sample.
import { templateHelpers } from '@hookflow/flow-model';
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { applySuggestion, openExpression, rankSuggestions, type OpenExpression } from './template-suggestions';
import { TemplatePreview } from './TemplatePreview';
import { useTemplateScope } from './template-scope';
import { useSuggestionBox } from './use-suggestion-box';

interface TemplateInputProps {
  id?: string;
  value: string;
  onChange(value: string): void;
  multiline?: boolean;
  placeholder?: string;
  describedBy?: string;
  ariaLabel?: string;
  testId?: string;
  /** Off for fields that are never rendered as templates. */
  preview?: boolean;
  /** Off where the field's own validation problems already say the template does not compile. */
  previewCompileErrors?: boolean;
}

export function TemplateInput({ id, value, onChange, multiline = false, placeholder, describedBy, ariaLabel, testId, preview = true, previewCompileErrors = true }: TemplateInputProps) {
  const { variables } = useTemplateScope();
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const listId = useId();
  const [expression, setExpression] = useState<OpenExpression | null>(null);
  const [active, setActive] = useState(0);
  const suggestions = useMemo(() => (expression ? rankSuggestions({ word: expression.word, variables, helpers: templateHelpers }) : []), [expression, variables]);
  const open = suggestions.length > 0;
  const boxStyle = useSuggestionBox(field, open);

  const track = (text: string, caret: number | null) => {
    setExpression(caret === null ? null : openExpression(text, caret));
    setActive(0);
  };
  const choose = (index: number) => {
    const suggestion = suggestions[index];
    if (!expression || !suggestion) return;
    const next = applySuggestion({ text: value, expression, value: suggestion.value, kind: suggestion.kind });
    onChange(next.text);
    setExpression(suggestion.kind === 'helper' ? { start: next.caret, word: '' } : null);
    requestAnimationFrame(() => {
      field.current?.focus();
      field.current?.setSelectionRange(next.caret, next.caret);
    });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (!open) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((current) => (current + (event.key === 'ArrowDown' ? 1 : suggestions.length - 1)) % suggestions.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      choose(active);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setExpression(null);
    }
  };

  const common = {
    id,
    ref: field,
    value,
    placeholder,
    className: 'input template-input',
    spellCheck: false,
    autoComplete: 'off',
    role: 'combobox',
    'aria-label': ariaLabel,
    'aria-describedby': describedBy,
    'aria-autocomplete': 'list' as const,
    'aria-expanded': open,
    'aria-controls': listId,
    'aria-activedescendant': open ? `${listId}-${active}` : undefined,
    'data-testid': testId,
    onKeyDown,
    onBlur: () => setTimeout(() => setExpression(null), 150),
    onSelect: () => {
      const caret = field.current?.selectionStart ?? null;
      const next = caret === null ? null : openExpression(value, caret);
      if (next?.start !== expression?.start || next?.word !== expression?.word) track(value, caret);
    },
    onChange: (event: { target: { value: string; selectionStart: number | null } }) => {
      onChange(event.target.value);
      track(event.target.value, event.target.selectionStart);
    },
  };

  return (
    <div className="template-field">
      {multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
      {open ? (
        <ul className="suggestions" role="listbox" id={listId} aria-label="Template suggestions" style={boxStyle}>
          {suggestions.map((suggestion, index) => (
            <li
              key={`${suggestion.kind}:${suggestion.value}`}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'active' : undefined}
              title={suggestion.kind === 'helper' ? `${suggestion.value}: ${suggestion.detail}` : suggestion.value}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(index);
              }}
            >
              <span className="suggestion-value">{suggestion.value}</span>
              <span className="suggestion-kind">{suggestion.kind === 'helper' ? suggestion.detail : 'variable'}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {preview ? <TemplatePreview source={value} showCompileErrors={previewCompileErrors} /> : null}
    </div>
  );
}
