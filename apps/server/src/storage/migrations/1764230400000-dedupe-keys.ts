// Idempotency: one row per (flow, delivery id) claimed by the first event carrying it.
import { Table, TableIndex } from 'typeorm';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DedupeKeys1764230400000 implements MigrationInterface {
  name = 'DedupeKeys1764230400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'dedupe_keys',
        columns: [
          { name: 'flowId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'key', type: 'varchar', length: '255', isPrimary: true },
          { name: 'eventId', type: 'varchar', length: '36' },
          { name: 'expiresAt', type: 'varchar', length: '30' },
        ],
        indices: [new TableIndex({ columnNames: ['expiresAt'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('dedupe_keys');
  }
}
