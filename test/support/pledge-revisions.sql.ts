/**
 * Records every pledge whose current revision has no terms recorded, as it stands, as PledgesService
 * records each create and revise: for pledges written by SQL (benches, test fixtures; no service code needs it), whose splits
 * would otherwise have no terms to be read by (TERMS_OF_SPLIT). No parameters.
 */
export const RECORD_CURRENT_REVISIONS = `
  INSERT INTO pledge_revision (code, revision, data, reason, changed_by, changed_at)
  SELECT p.code, p.revision,
         jsonb_build_object(
           'code', p.code, 'sourceType', p.source_type, 'fund', p.fund, 'funder', p.funder, 'fiscalYear', p.fiscal_year,
           'fromMonth', p.from_month, 'toMonth', p.to_month, 'scope', p.scope, 'villageCodes', to_jsonb(p.village_codes),
           'niks', to_jsonb(p.niks), 'sharePercent', p.share_percent, 'quota', p.quota, 'budget', p.budget,
           'priority', p.priority, 'legalBasis', p.legal_basis, 'withdrawn', p.withdrawn_at IS NOT NULL),
         'Komitmen dibuat', p.created_by, p.updated_at
    FROM pledge p
   WHERE NOT EXISTS (SELECT 1 FROM pledge_revision r WHERE r.code = p.code AND r.revision = p.revision AND r.data ? 'sourceType')
  ON CONFLICT ON CONSTRAINT "PK_pledge_revision" DO UPDATE SET data = EXCLUDED.data`;
