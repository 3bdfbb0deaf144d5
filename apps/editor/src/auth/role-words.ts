// Roles in the words the users page and the credential form use.
import type { Role } from './auth-api';

export const ROLE_LABELS: Record<Role, string> = { owner: 'Owner', editor: 'Editor', viewer: 'Viewer' };

export const ROLE_HELP: Record<Role, string> = {
  owner: 'manages people, credentials and API keys, and reads the audit log',
  editor: 'builds, activates and runs flows',
  viewer: 'looks at flows and runs, changes nothing',
};
