// The owner's list of people: add one with a role and an initial password, change a role, remove
// one. The server keeps an owner at all times (nobody changes their own role or removes themselves,
// the last owner stays); its refusals are shown as it words them. Other roles get a short
// explanation instead (the server would answer 403 anyway).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { AppHeader } from '../shared/AppHeader';
import { ErrorMessage } from '../shared/ErrorMessage';
import { formatTime } from '../shared/format';
import { LoadingState } from '../shared/LoadingState';
import { authApi, isRole, ROLES, type AuthUser } from './auth-api';
import { useAuthSession } from './auth-context';
import { NewUserForm } from './NewUserForm';
import { ROLE_LABELS } from './role-words';
import { useUsers, usersQueryKey } from './users-query';

export default function UsersPage() {
  const session = useAuthSession();
  // Outside the auth gate (component tests) there is no session: the server decides.
  const ownerOrUnknown = !session || session.user.role === 'owner';
  return (
    <div className="app">
      <AppHeader title="Users" />
      <main className="page">
        <h1 className="page-title">Users</h1>
        {ownerOrUnknown ? <UsersManager selfId={session?.user.id} /> : <p className="muted">Only an owner manages users. Ask one to add people or change roles.</p>}
      </main>
    </div>
  );
}

function UsersManager({ selfId }: { selfId: string | undefined }) {
  const queryClient = useQueryClient();
  const users = useUsers();
  const [added, setAdded] = useState<AuthUser | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: usersQueryKey });
  const create = useMutation({ mutationFn: authApi.createUser, onSuccess: refresh });
  // Pending until the list is read again, so the row keeps showing the chosen role meanwhile.
  const changeRole = useMutation({ mutationFn: authApi.changeRole, onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }) });
  const remove = useMutation({ mutationFn: authApi.removeUser, onSuccess: refresh });
  const resetErrors = () => [create, changeRole, remove].forEach((mutation) => mutation.reset());

  return (
    <>
      <p className="muted">
        Owners manage people, credentials and API keys; editors build, activate and run flows; viewers only look. Which credentials an editor may use is set on each
        credential.
      </p>
      <NewUserForm
        busy={create.isPending}
        onCreate={(input, done) => {
          resetErrors();
          setAdded(null);
          create.mutate(input, {
            onSuccess: (user) => {
              setAdded(user);
              done();
            },
          });
        }}
      />
      {added ? (
        <p role="status" className="user-added">
          Added {added.email} as {ROLE_LABELS[added.role].toLowerCase()}. Give them the initial password; they sign in at {window.location.origin}.
        </p>
      ) : null}
      <ErrorMessage error={create.error} title="Not added" />
      <ErrorMessage error={changeRole.error} title="Role not changed" />
      <ErrorMessage error={remove.error} title="Not removed" />
      {users.isLoading ? <LoadingState label="Loading users…" /> : null}
      <ErrorMessage error={users.error} title="Could not load users" />
      {users.data ? (
        <table className="table" data-testid="users-table">
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Role</th>
              <th scope="col">Added</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.data.items.map((user) => (
              <UserRow
                key={user.id}
                user={user}
                isSelf={user.id === selfId}
                busy={changeRole.isPending || remove.isPending}
                shownRole={changeRole.isPending && changeRole.variables.id === user.id ? changeRole.variables.role : user.role}
                onRole={(role) => {
                  resetErrors();
                  changeRole.mutate({ id: user.id, role });
                }}
                onRemove={() => {
                  resetErrors();
                  if (window.confirm(`Remove ${user.email}? They are signed out at once and their API keys stop working.`)) remove.mutate(user.id);
                }}
              />
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}

interface UserRowProps {
  user: AuthUser;
  isSelf: boolean;
  busy: boolean;
  /** The role to show: the one being set while the change is on its way, else the stored one. */
  shownRole: AuthUser['role'];
  onRole(role: AuthUser['role']): void;
  onRemove(): void;
}

function UserRow({ user, isSelf, busy, shownRole, onRole, onRemove }: UserRowProps) {
  const who = user.name ? `${user.name} (${user.email})` : user.email;
  return (
    <tr data-testid="user-row">
      <td>
        {who} {isSelf ? <span className="pill">you</span> : null}
      </td>
      <td>
        <select
          className="input role-select"
          aria-label={`Role of ${user.email}`}
          value={shownRole}
          disabled={busy || isSelf}
          title={isSelf ? 'You cannot change your own role; another owner can.' : undefined}
          onChange={(event) => isRole(event.target.value) && onRole(event.target.value)}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </td>
      <td>{formatTime(user.createdAt)}</td>
      <td className="row-actions">
        {isSelf ? null : (
          <button type="button" className="button small danger" disabled={busy} onClick={onRemove} aria-label={`Remove ${user.email}`}>
            Remove
          </button>
        )}
      </td>
    </tr>
  );
}
