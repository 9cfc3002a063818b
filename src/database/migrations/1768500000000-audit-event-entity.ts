import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `audit_event_entity`: the other records an event concerns beside its own `entity_id`, so that
 * GET /audit-events?entityId= finds an event by any of them (QA: a payment recorded from a sheet could not be found by its
 * id: its `payment.upload` event is filed under the upload, and its summary lists the first 20 payments only). Written
 * with the event, in its transaction, by AuditService.recordAll; append-only as `audit_event` is. It is an index of the
 * trail, not part of it: the events' hashes do not cover it, and the event itself still says what it did.
 * `PK_audit_event_entity` (entity_id first) is the lookup by id; `IDX_audit_event_entity_id` the same lookup of the events'
 * own ids, which had none (an `entityId` filter without `entity` read the whole trail).
 *
 * The payment sheets uploaded before it get their links from `payment.upload_id` (a payment deleted since is not linked:
 * its own `payment.delete` event names it).
 */
export class AuditEventEntity1768500000000 implements MigrationInterface {
  name = 'AuditEventEntity1768500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_event_entity (
        entity_id text NOT NULL,
        entity text NOT NULL,
        event_id bigint NOT NULL,
        CONSTRAINT "PK_audit_event_entity" PRIMARY KEY (entity_id, entity, event_id),
        CONSTRAINT "FK_audit_event_entity_event" FOREIGN KEY (event_id) REFERENCES audit_event (id)
      )`);
    await q.query(`CREATE INDEX "IDX_audit_event_entity_id" ON audit_event (entity_id) WHERE entity_id IS NOT NULL`);
    await q.query(`
      CREATE TRIGGER "TRG_audit_event_entity_append_only" BEFORE UPDATE OR DELETE ON audit_event_entity
        FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`);
    await q.query(`
      INSERT INTO audit_event_entity (entity_id, entity, event_id)
      SELECT p.id::text, 'payment', e.id
        FROM audit_event e JOIN payment p ON p.upload_id::text = e.entity_id
       WHERE e.action = 'payment.upload'
      ON CONFLICT DO NOTHING`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "IDX_audit_event_entity_id"');
    await q.query('DROP TABLE audit_event_entity');
  }
}
