// Flow keys (flows as code): a stable slug a flow may carry, unique among the flows that have one,
// so `hookflow flows apply` can match a file to the same flow on any server.
import { TableColumn } from 'typeorm';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FlowKeys1796500000000 implements MigrationInterface {
  name = 'FlowKeys1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('flows', new TableColumn({ name: 'key', type: 'varchar', length: '64', isNullable: true }));
    const flows = queryRunner.connection.driver.escape('flows');
    const table = queryRunner.connection.options.type === 'postgres' && queryRunner.connection.options.schema ? `"${queryRunner.connection.options.schema}".${flows}` : flows;
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_flows_key" ON ${table} ("key") WHERE "key" IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_flows_key"`);
    await queryRunner.dropColumn('flows', 'key');
  }
}
