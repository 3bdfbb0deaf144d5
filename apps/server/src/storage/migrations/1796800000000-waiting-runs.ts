// Runs parked at a delay: an execution may wait ("waiting") until resumeAt, when a main hands it
// out again. A partial index finds the due ones; it holds only waiting runs, so it stays small.
import { TableColumn } from 'typeorm';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WaitingRuns1796800000000 implements MigrationInterface {
  name = 'WaitingRuns1796800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('executions', new TableColumn({ name: 'resumeAt', type: 'varchar', length: '30', isNullable: true }));
    await queryRunner.query(`CREATE INDEX "IDX_executions_waiting_due" ON ${tableName(queryRunner, 'executions')} ("resumeAt") WHERE "status" = 'waiting'`);
    await queryRunner.query(
      `CREATE TABLE ${tableName(queryRunner, 'schedule_ticks')} ("flowId" varchar(36) PRIMARY KEY NOT NULL, "lastTick" varchar(30) NOT NULL)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ${tableName(queryRunner, 'schedule_ticks')}`);
    await queryRunner.query(`DROP INDEX "IDX_executions_waiting_due"`);
    await queryRunner.dropColumn('executions', 'resumeAt');
  }
}

function tableName(queryRunner: QueryRunner, name: string): string {
  const escaped = queryRunner.connection.driver.escape(name);
  const options = queryRunner.connection.options;
  return options.type === 'postgres' && options.schema ? `"${options.schema}".${escaped}` : escaped;
}
