// Retention (retention/) walks executions oldest first, by start time then id, in keyset pages;
// the existing indexes lead with flowId or status, so without this one every page would sort the
// whole table. Events are walked by (status, receivedAt), which the initial schema already has.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RetentionIndexes1796700000000 implements MigrationInterface {
  name = 'RetentionIndexes1796700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const executions = queryRunner.connection.driver.escape('executions');
    const options = queryRunner.connection.options;
    const table = options.type === 'postgres' && options.schema ? `"${options.schema}".${executions}` : executions;
    await queryRunner.query(`CREATE INDEX "IDX_executions_by_start" ON ${table} ("startedAt", "id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const options = queryRunner.connection.options;
    const index = options.type === 'postgres' && options.schema ? `"${options.schema}"."IDX_executions_by_start"` : `"IDX_executions_by_start"`;
    await queryRunner.query(`DROP INDEX ${index}`);
  }
}
