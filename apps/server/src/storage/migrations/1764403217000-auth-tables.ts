// Users, sign-in sessions and API keys (the auth capability). Written with TypeORM's Table API so
// the one migration runs on SQLite and PostgreSQL.
import { Table, TableIndex } from 'typeorm';
import type { MigrationInterface, QueryRunner, TableColumnOptions } from 'typeorm';

const varchar = (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
const time = (name: string, nullable = false): TableColumnOptions => varchar(name, 30, nullable);

export class AuthTables1764403217000 implements MigrationInterface {
  name = 'AuthTables1764403217000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          { ...varchar('id', 36), isPrimary: true },
          varchar('email', 254),
          varchar('name', 200, true),
          varchar('role', 16),
          { name: 'passwordHash', type: 'text' },
          time('createdAt'),
        ],
        indices: [new TableIndex({ columnNames: ['email'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'sessions',
        columns: [{ ...varchar('tokenHash', 64), isPrimary: true }, varchar('userId', 36), time('createdAt'), time('expiresAt')],
        indices: [new TableIndex({ columnNames: ['userId'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'api_keys',
        columns: [
          { ...varchar('id', 36), isPrimary: true },
          varchar('name', 200),
          varchar('keyHash', 64),
          varchar('prefix', 16),
          varchar('userId', 36),
          time('createdAt'),
          time('lastUsedAt', true),
        ],
        indices: [new TableIndex({ columnNames: ['keyHash'], isUnique: true }), new TableIndex({ columnNames: ['userId'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('api_keys');
    await queryRunner.dropTable('sessions');
    await queryRunner.dropTable('users');
  }
}
