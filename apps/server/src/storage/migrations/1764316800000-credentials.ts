// Stored credentials (encrypted data, see credentials/credential-cipher.ts).
import { Table } from 'typeorm';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Credentials1764316800000 implements MigrationInterface {
  name = 'Credentials1764316800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'credentials',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'name', type: 'varchar', length: '200', isUnique: true },
          { name: 'type', type: 'varchar', length: '20' },
          { name: 'data', type: 'text' },
          { name: 'createdAt', type: 'varchar', length: '30' },
          { name: 'updatedAt', type: 'varchar', length: '30' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('credentials');
  }
}
