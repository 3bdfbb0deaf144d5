// The last guard between an audit entry and a secret: details keep only short scalars and short
// lists of names, and drop any field whose name says it holds a secret. Callers already pass only
// plain facts; this keeps a later mistake (passing a body, a credential's data) out of the log.
import type { AuditDetails } from './audit-entry';

const SECRET_NAMES = /pass|secret|token|^key$|apikey|^data$|authori[sz]ation|cookie|signature/i;
const TEXT_MAX = 200;
const LIST_MAX = 20;

export function safeDetails(input: unknown): AuditDetails {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return {};
  const details: AuditDetails = {};
  for (const [name, value] of Object.entries(input)) {
    if (SECRET_NAMES.test(name)) continue;
    if (typeof value === 'string') details[name] = value.slice(0, TEXT_MAX);
    else if (typeof value === 'number' || typeof value === 'boolean' || value === null) details[name] = value;
    else if (Array.isArray(value)) details[name] = value.filter((item): item is string => typeof item === 'string').slice(0, LIST_MAX).map((item) => item.slice(0, TEXT_MAX));
  }
  return details;
}
