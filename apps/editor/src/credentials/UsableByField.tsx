// "Who may use it": the owner's choice, per credential, of who may put it in their flows: every
// editor, chosen roles, or chosen people. Owners always may, so they are not offered as choices.
// The server refuses activating (or test-running) a flow with a credential its author may not use.
import type { Role } from '../auth/auth-api';
import { ROLE_LABELS } from '../auth/role-words';
import { useUsers } from '../auth/users-query';
import type { UsableBy } from './credentials-api';

/** Roles that can build flows and are not owners: the ones a rule can grant. */
const GRANTABLE_ROLES: readonly Role[] = ['editor'];

type Mode = UsableBy['mode'];

const MODES: Array<{ mode: Mode; label: string }> = [
  { mode: 'everyone', label: 'Every editor' },
  { mode: 'roles', label: 'Chosen roles' },
  { mode: 'users', label: 'Chosen people' },
];

export function UsableByField({ value, onChange }: { value: UsableBy; onChange(value: UsableBy): void }) {
  return (
    <fieldset className="field-group usable-by" data-testid="usable-by">
      <legend className="field-label">Who may use it</legend>
      <p className="field-help">Owners may always use every credential. Anyone else needs to be allowed here to activate or test-run a flow that uses it.</p>
      {MODES.map(({ mode, label }) => (
        <label key={mode} className="field-checkbox">
          <input type="radio" name="usable-by-mode" value={mode} checked={value.mode === mode} onChange={() => onChange(emptyRule(mode))} />
          <span>{label}</span>
        </label>
      ))}
      {value.mode === 'roles' ? <RoleChoices roles={value.roles} onChange={(roles) => onChange({ mode: 'roles', roles })} /> : null}
      {value.mode === 'users' ? <PeopleChoices userIds={value.userIds} onChange={(userIds) => onChange({ mode: 'users', userIds })} /> : null}
    </fieldset>
  );
}

function RoleChoices({ roles, onChange }: { roles: Role[]; onChange(roles: Role[]): void }) {
  return (
    <div className="usable-by-choices" role="group" aria-label="Roles that may use it">
      {GRANTABLE_ROLES.map((role) => (
        <label key={role} className="field-checkbox">
          <input type="checkbox" checked={roles.includes(role)} onChange={(event) => onChange(toggled(roles, role, event.target.checked))} />
          <span>{ROLE_LABELS[role]}s</span>
        </label>
      ))}
      <p className="field-help">{roles.length === 0 ? 'None chosen: owners only.' : 'And owners.'} Viewers cannot change flows, so they never use credentials.</p>
    </div>
  );
}

function PeopleChoices({ userIds, onChange }: { userIds: string[]; onChange(userIds: string[]): void }) {
  const users = useUsers();
  const people = (users.data?.items ?? []).filter((user) => user.role !== 'owner');
  return (
    <div className="usable-by-choices" role="group" aria-label="People who may use it">
      {users.isLoading ? <p className="field-help">Loading people…</p> : null}
      {users.error ? <p className="field-problem">Could not load people: {users.error.message}</p> : null}
      {users.data && people.length === 0 ? <p className="field-help">Nobody but owners yet: add people on the Users page.</p> : null}
      {people.map((user) => (
        <label key={user.id} className="field-checkbox">
          <input type="checkbox" checked={userIds.includes(user.id)} onChange={(event) => onChange(toggled(userIds, user.id, event.target.checked))} />
          <span>
            {user.name ? `${user.name} (${user.email})` : user.email} <span className="pill">{ROLE_LABELS[user.role]}</span>
          </span>
        </label>
      ))}
      {users.data ? <p className="field-help">{userIds.length === 0 ? 'Nobody chosen: owners only.' : 'And owners.'}</p> : null}
    </div>
  );
}

function emptyRule(mode: Mode): UsableBy {
  if (mode === 'roles') return { mode, roles: [...GRANTABLE_ROLES] };
  if (mode === 'users') return { mode, userIds: [] };
  return { mode };
}

function toggled<T>(list: T[], item: T, on: boolean): T[] {
  return on ? [...list.filter((existing) => existing !== item), item] : list.filter((existing) => existing !== item);
}

/** A rule in a few words, for the credentials table. */
export function usableByWords(usableBy: UsableBy | undefined): string {
  if (!usableBy || usableBy.mode === 'everyone') return 'Every editor';
  if (usableBy.mode === 'roles') return usableBy.roles.length === 0 ? 'Owners only' : usableBy.roles.map((role) => `${ROLE_LABELS[role]}s`).join(', ');
  const count = usableBy.userIds.length;
  return count === 0 ? 'Owners only' : `${count} chosen ${count === 1 ? 'person' : 'people'}`;
}
