// First schema. Written with TypeORM's Table API so one migration runs on SQLite and PostgreSQL.
import { Table, TableIndex } from 'typeorm';
import type { MigrationInterface, QueryRunner, TableColumnOptions } from 'typeorm';

const id = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '36', isNullable: nullable });
const time = (name: string): TableColumnOptions => ({ name, type: 'varchar', length: '30' });
const text = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable });

export class InitialSchema1764144000000 implements MigrationInterface {
  name = 'InitialSchema1764144000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'flows',
        columns: [
          { ...id('id'), isPrimary: true },
          { name: 'name', type: 'varchar', length: '200' },
          text('document'),
          id('currentVersionId'),
          { name: 'currentVersion', type: 'integer' },
          { name: 'active', type: 'boolean', default: false },
          { name: 'triggerKey', type: 'varchar', length: '64', isNullable: true, isUnique: true },
          time('createdAt'),
          time('updatedAt'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'flow_versions',
        columns: [{ ...id('id'), isPrimary: true }, id('flowId'), { name: 'version', type: 'integer' }, text('document'), time('createdAt')],
        indices: [new TableIndex({ columnNames: ['flowId', 'version'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'events',
        columns: [
          { ...id('id'), isPrimary: true },
          id('flowId', true),
          id('flowVersionId', true),
          { name: 'nodeId', type: 'varchar', length: '64', isNullable: true },
          { name: 'method', type: 'varchar', length: '10' },
          text('path'),
          text('headers'),
          text('query'),
          { name: 'contentType', type: 'varchar', length: '200', isNullable: true },
          text('body', true),
          text('rawBody'),
          { name: 'rawEncoding', type: 'varchar', length: '6' },
          { name: 'status', type: 'varchar', length: '12' },
          text('reason', true),
          { name: 'httpStatus', type: 'integer' },
          time('receivedAt'),
        ],
        indices: [
          new TableIndex({ columnNames: ['status', 'receivedAt'] }),
          new TableIndex({ columnNames: ['flowId', 'receivedAt'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'executions',
        columns: [
          { ...id('id'), isPrimary: true },
          id('flowId'),
          id('flowVersionId'),
          { name: 'flowVersion', type: 'integer' },
          id('eventId'),
          id('retryOf', true),
          { name: 'status', type: 'varchar', length: '12' },
          text('steps'),
          text('error', true),
          time('startedAt'),
          time('finishedAt'),
          { name: 'durationMs', type: 'integer' },
        ],
        indices: [
          new TableIndex({ columnNames: ['flowId', 'startedAt'] }),
          new TableIndex({ columnNames: ['status', 'startedAt'] }),
          new TableIndex({ columnNames: ['eventId'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['executions', 'events', 'flow_versions', 'flows']) await queryRunner.dropTable(table);
  }
}
