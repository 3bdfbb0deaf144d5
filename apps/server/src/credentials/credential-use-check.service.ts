// Refuses a flow whose author may not use one of its credentials. The author is whoever makes the
// flow run with it: the person (or API key's person) who activates it, saves a new version of an
// active flow, or test-runs it. Owners may use every credential. Ids of deleted credentials are
// left to the run, which reports them (engine-credential-store.ts).
import { Injectable } from '@nestjs/common';
import type { FlowDocument } from '@hookflow/flow-model';
import { DataSource, In } from 'typeorm';
import { ForbiddenError } from '../common/domain-errors';
import { mayUseCredential, toUsableBy, type CredentialUser } from './credential-access';
import { CredentialEntity } from './credential.entity';
import { credentialUses, type CredentialUse } from './credential-references';

@Injectable()
export class CredentialUseCheck {
  constructor(private readonly dataSource: DataSource) {}

  /** The refusal to throw, or undefined when `author` may use every credential `document` names. */
  async refusal({ document, author }: { document: FlowDocument; author: CredentialUser }): Promise<ForbiddenError | undefined> {
    if (author.role === 'owner') return undefined;
    const uses = credentialUses(document);
    if (uses.length === 0) return undefined;
    const rows = await this.dataSource.getRepository(CredentialEntity).find({
      select: { id: true, name: true, usableBy: true },
      where: { id: In([...new Set(uses.map((use) => use.credentialId))]) },
    });
    const refused = new Map(rows.filter((row) => !mayUseCredential({ usableBy: toUsableBy(row.usableBy), user: author })).map((row) => [row.id, row.name]));
    const refusedUses = uses.filter((use) => refused.has(use.credentialId));
    if (refusedUses.length === 0) return undefined;
    return new ForbiddenError(refusalMessage(refusedUses, refused), refusedUses.map((use) => issueOf(use, refused)));
  }

  async assertMayUse(input: { document: FlowDocument; author: CredentialUser }): Promise<void> {
    const refusal = await this.refusal(input);
    if (refusal) throw refusal;
  }
}

function refusalMessage(uses: CredentialUse[], names: Map<string, string>): string {
  const byCredential = new Map<string, string[]>();
  for (const use of uses) byCredential.set(use.credentialId, [...(byCredential.get(use.credentialId) ?? []), use.nodeId]);
  const listed = [...byCredential].map(([id, nodes]) => `"${names.get(id) ?? id}" (${nodes.length === 1 ? 'node' : 'nodes'} ${[...new Set(nodes)].join(', ')})`);
  const one = listed.length === 1;
  return (
    `This flow uses ${one ? 'the credential' : 'the credentials'} ${listed.join(', ')}, which you may not use. ` +
    `Pick ${one ? 'another credential' : 'other credentials'}, or ask an owner to let you use ${one ? 'it' : 'them'} (Credentials, "Who may use it").`
  );
}

function issueOf(use: CredentialUse, names: Map<string, string>): { path: string; message: string; nodeId: string; param: string } {
  const name = names.get(use.credentialId) ?? use.credentialId;
  return { path: use.path, nodeId: use.nodeId, param: use.param, message: `you may not use the credential "${name}"; pick another, or ask an owner to let you use it` };
}
