import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `pledge_terms`: a pledge's terms at each recorded revision (`pledge_revision.data`, the whole
 * pledge as PledgeService saved it), as columns named like `pledge`'s. Every read of splits joins it
 * at the split's own revision (`split.pledge_revision`), so that a finalized or frozen month keeps
 * describing its splits by the terms they were allocated under: a later revision (an APBD-P, a Dana
 * Desa fund corrected to ADD, a new priority) changed the source type, the fund's warning and the
 * order of what closed months reported when reads joined the current `pledge` row (QA).
 *
 * The terms the bulk reads group and order by (source type, fund, fiscal year, priority) are stored
 * columns generated from the snapshot; the others are read from it.
 *
 * Snapshots are completed first: a pledge without a revision row at its current revision, or whose
 * row holds no terms (`{}`), gets its current row as that snapshot. PledgesService always wrote
 * them; this only covers rows written some other way.
 */
export class PledgeTermsView1767700000000 implements MigrationInterface {
  name = 'PledgeTermsView1767700000000';

  async up(q: QueryRunner): Promise<void> {
    const snapshot = `jsonb_build_object(
        'code', p.code, 'sourceType', p.source_type, 'fund', p.fund, 'funder', p.funder, 'fiscalYear', p.fiscal_year,
        'fromMonth', p.from_month, 'toMonth', p.to_month, 'scope', p.scope, 'villageCodes', to_jsonb(p.village_codes),
        'niks', to_jsonb(p.niks), 'sharePercent', p.share_percent, 'quota', p.quota, 'budget', p.budget,
        'priority', p.priority, 'legalBasis', p.legal_basis)`;
    await q.query(`
      UPDATE pledge_revision r SET data = ${snapshot}
        FROM pledge p
       WHERE p.code = r.code AND p.revision = r.revision AND NOT r.data ? 'sourceType'`);
    await q.query(`
      INSERT INTO pledge_revision (code, revision, data, reason, changed_by, changed_at)
      SELECT p.code, p.revision, ${snapshot}, 'Komitmen dicatat tanpa revisi; dilengkapi dari data komitmen', p.created_by, p.updated_at
        FROM pledge p
       WHERE NOT EXISTS (SELECT 1 FROM pledge_revision r WHERE r.code = p.code AND r.revision = p.revision)`);
    // the terms reads of splits group and order by, stored as columns: the split lookup by NIK joins every
    // revision, and extracting them from the JSON on each lookup cost it 6-14 % (pgbench, batches of 20 NIKs)
    await q.query(`
      ALTER TABLE pledge_revision
        ADD COLUMN source_type text GENERATED ALWAYS AS (data->>'sourceType') STORED,
        ADD COLUMN fund text GENERATED ALWAYS AS (data->>'fund') STORED,
        ADD COLUMN fiscal_year integer GENERATED ALWAYS AS ((data->>'fiscalYear')::int) STORED,
        ADD COLUMN priority integer GENERATED ALWAYS AS ((data->>'priority')::int) STORED`);
    await q.query(`
      CREATE VIEW pledge_terms AS
      SELECT r.code, r.revision, r.source_type, r.fund, r.data->>'funder' AS funder, r.fiscal_year,
             (r.data->>'fromMonth')::int AS from_month, (r.data->>'toMonth')::int AS to_month, r.data->>'scope' AS scope,
             ARRAY(SELECT jsonb_array_elements_text(r.data->'villageCodes')) AS village_codes,
             (r.data->>'sharePercent')::int AS share_percent, (r.data->>'quota')::int AS quota,
             (r.data->>'budget')::bigint AS budget, r.priority, r.data->>'legalBasis' AS legal_basis
        FROM pledge_revision r`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP VIEW pledge_terms');
    await q.query('ALTER TABLE pledge_revision DROP COLUMN source_type, DROP COLUMN fund, DROP COLUMN fiscal_year, DROP COLUMN priority');
  }
}
