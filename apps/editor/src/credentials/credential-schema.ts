// Which params take a stored credential's id: a text field named credentialId (at any depth, so
// `{ "credentialId": ... }` secret references match too) or one marked with x-credential-types.
import { schemaTypes, type JsonSchema } from '../catalog/json-schema';

export function isCredentialIdField(schema: JsonSchema, path: string): boolean {
  if (!schemaTypes(schema).includes('string') || schema.enum) return false;
  return schema.credentialTypes !== undefined || path.split('.').pop() === 'credentialId';
}
