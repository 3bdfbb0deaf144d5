export function ActiveSwitch({ active, busy, onToggle }: { active: boolean; busy: boolean; onToggle(active: boolean): void }) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={active}
      aria-label="Active"
      className={`switch${active ? ' on' : ''}`}
      disabled={busy}
      data-testid="active-switch"
      onClick={() => onToggle(!active)}
    >
      <span className="switch-track" aria-hidden="true">
        <span className="switch-thumb" />
      </span>
      <span className="switch-text">{active ? 'Active' : 'Inactive'}</span>
    </button>
  );
}
