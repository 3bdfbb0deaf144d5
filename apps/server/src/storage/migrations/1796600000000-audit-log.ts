// The audit log (audit/): who did what, and when. Written with TypeORM's Table API so the one
// migration runs on SQLite and PostgreSQL. The (at, id) index serves the newest-first pages; the
// actor and action indexes serve the optional filters.
import { Table, TableIndex } from 'typeorm';
import type { MigrationInterface, QueryRunner, TableColumnOptions } from 'typeorm';

const varchar = (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable: nullable });

export class AuditLog1796600000000 implements MigrationInterface {
  name = 'AuditLog1796600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'audit_log',
        columns: [
          { ...varchar('id', 36), isPrimary: true },
          varchar('at', 30),
          varchar('actorKind', 16),
          varchar('actorId', 36, true),
          varchar('actorName', 254, true),
          varchar('action', 40),
          varchar('targetType', 20, true),
          varchar('targetId', 64, true),
          varchar('targetName', 254, true),
          varchar('ip', 64, true),
          { name: 'details', type: 'text', isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'IDX_audit_log_at_id', columnNames: ['at', 'id'] }),
          new TableIndex({ name: 'IDX_audit_log_actor', columnNames: ['actorId', 'at'] }),
          new TableIndex({ name: 'IDX_audit_log_action', columnNames: ['action', 'at'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_log');
  }
}
