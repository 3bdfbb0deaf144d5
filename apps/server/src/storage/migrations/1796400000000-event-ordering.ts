// Ordered triggers: each event keeps the key its trigger's `ordering.key` rendered to (null when
// the trigger is not ordered), and a partial index finds the oldest waiting event of a key. The
// index holds only events still waiting to run, so it stays small whatever the table's size.
import { TableColumn } from 'typeorm';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EventOrdering1796400000000 implements MigrationInterface {
  name = 'EventOrdering1796400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('events', new TableColumn({ name: 'orderingKey', type: 'varchar', length: '255', isNullable: true }));
    const events = queryRunner.connection.driver.escape('events');
    const table = queryRunner.connection.options.type === 'postgres' && queryRunner.connection.options.schema ? `"${queryRunner.connection.options.schema}".${events}` : events;
    await queryRunner.query(
      `CREATE INDEX "IDX_events_waiting_by_order_key" ON ${table} ("flowId", "orderingKey", "receivedAt", "id") WHERE "orderingKey" IS NOT NULL AND "status" = 'accepted'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_events_waiting_by_order_key"`);
    await queryRunner.dropColumn('events', 'orderingKey');
  }
}
