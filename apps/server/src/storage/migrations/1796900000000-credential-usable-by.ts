// Per-credential permissions (credentials/credential-access.ts): who may use a credential in their
// flows, as JSON text. Credentials saved before keep today's rule, usable by everyone who may edit
// flows, so no active flow stops at its next save.
import { TableColumn } from 'typeorm';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CredentialUsableBy1796900000000 implements MigrationInterface {
  name = 'CredentialUsableBy1796900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('credentials', new TableColumn({ name: 'usableBy', type: 'text', isNullable: false, default: `'{"mode":"everyone"}'` }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('credentials', 'usableBy');
  }
}
