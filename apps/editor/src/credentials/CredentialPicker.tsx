// A choice among stored credentials, by name, for a param that holds a credential's id. Works in
// any tree: forms rendered on their own (tests, previews) get a query client of their own. Those
// the signed-in person may not use are listed but cannot be picked: activating a flow with one
// would be refused (an owner chooses who may use each credential).
import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query';
import { useContext } from 'react';
import { Link } from 'wouter';
import { errorText } from '../api/http';
import { credentialTypeLabel } from './credential-kinds';
import { useCredentials } from './credentials-api';

export interface CredentialPickerProps {
  id: string;
  value: string | undefined;
  onChange(id: string | undefined): void;
  /** Only credentials of these types are offered; all when unset. */
  types?: string[];
  describedBy?: string;
}

let standaloneClient: QueryClient | undefined;

export function CredentialPicker(props: CredentialPickerProps) {
  const client = useContext(QueryClientContext);
  if (client) return <CredentialSelect {...props} />;
  standaloneClient ??= new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 10_000 } } });
  return (
    <QueryClientProvider client={standaloneClient}>
      <CredentialSelect {...props} />
    </QueryClientProvider>
  );
}

function CredentialSelect({ id, value, onChange, types, describedBy }: CredentialPickerProps) {
  const credentials = useCredentials();
  const offered = (credentials.data ?? []).filter((credential) => !types || types.includes(credential.type));
  const known = value === undefined || value === '' || offered.some((credential) => credential.id === value);
  const usable = offered.filter((credential) => credential.usable !== false);
  const refused = offered.filter((credential) => credential.usable === false);
  const chosenRefused = refused.find((credential) => credential.id === value);
  return (
    <div className="credential-picker">
      <select
        id={id}
        className="input"
        data-testid={id}
        value={value ?? ''}
        aria-describedby={describedBy}
        disabled={credentials.isLoading}
        onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
      >
        <option value="">{credentials.isLoading ? 'Loading credentials…' : 'Choose a saved credential…'}</option>
        {usable.map((credential) => (
          <option key={credential.id} value={credential.id}>
            {credential.name} ({credentialTypeLabel(credential.type)})
          </option>
        ))}
        {refused.map((credential) => (
          // The chosen one stays selectable, so the select can show what the flow holds.
          <option key={credential.id} value={credential.id} disabled={credential.id !== value}>
            {credential.name} ({credentialTypeLabel(credential.type)}): not yours to use
          </option>
        ))}
        {!known ? <option value={value}>{credentials.data ? `Unknown credential (${value})` : value}</option> : null}
      </select>
      {credentials.error ? <p className="field-problem">Could not load credentials: {errorText(credentials.error)}</p> : null}
      {credentials.data && offered.length === 0 ? <p className="field-help">No fitting credential saved yet.</p> : null}
      {credentials.data && offered.length > 0 && usable.length === 0 ? <p className="field-help">None of the fitting credentials is yours to use; ask an owner.</p> : null}
      {chosenRefused ? (
        <p className="field-problem" role="alert">
          You may not use “{chosenRefused.name}”: activating or test-running this flow will be refused. Pick another, or ask an owner to let you use it.
        </p>
      ) : null}
      <Link href="/credentials" className="credential-picker-manage">
        Manage credentials
      </Link>
    </div>
  );
}
