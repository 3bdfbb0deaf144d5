import { describe, expect, it } from 'vitest';
import type { AuditEntry } from './audit-api';
import { describeEntry } from './audit-wording';

function entry(partial: Pick<AuditEntry, 'action' | 'target' | 'details'>): AuditEntry {
  return { id: 'e1', at: '2026-01-01T00:00:00Z', actor: { kind: 'user', id: 'u1', name: 'ada@example.com' }, ip: null, ...partial };
}

describe('audit wording for people and credential permissions', () => {
  it('words a role change', () => {
    const changed = entry({ action: 'user.role_changed', target: { type: 'user', id: 'u2', name: 'ed@example.com' }, details: { role: 'viewer', previousRole: 'editor' } });
    expect(describeEntry(changed)).toBe('Changed the role of ed@example.com from editor to viewer');
  });

  it('words a change of who may use a credential, alone or with other changes', () => {
    const target = { type: 'credential', id: 'c1', name: 'Payroll' };
    expect(describeEntry(entry({ action: 'credential.updated', target, details: { type: 'httpBearer', changed: ['usableBy'], usableBy: 'users' } }))).toBe(
      'Changed who may use credential “Payroll” (chosen people)',
    );
    expect(describeEntry(entry({ action: 'credential.updated', target, details: { type: 'httpBearer', changed: ['data', 'usableBy'], usableBy: 'everyone' } }))).toBe(
      'Replaced the secret of credential “Payroll” and changed who may use it (every editor)',
    );
  });
});
