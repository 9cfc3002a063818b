import type { MigrationInterface, QueryRunner } from 'typeorm';
import { WILAYAH_1703 } from '../../regions/data/wilayah-1703.js';

/**
 * The whole first schema: region master data, users, audit trail, register, funding,
 * BPJS inputs and reconciliation. Constraint and index names are explicit so later
 * migrations and error mapping can refer to them.
 */
export class InitialSchema1764400000000 implements MigrationInterface {
  name = 'InitialSchema1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE region (
        code text NOT NULL,
        level text NOT NULL,
        name text NOT NULL,
        kecamatan_code text NOT NULL,
        CONSTRAINT "PK_region" PRIMARY KEY (code),
        CONSTRAINT "CHK_region_level" CHECK (level IN ('kecamatan', 'desa', 'kelurahan'))
      );

      CREATE TABLE app_user (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        username text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_app_user" PRIMARY KEY (id),
        CONSTRAINT "UQ_app_user_username" UNIQUE (username),
        CONSTRAINT "CHK_app_user_role" CHECK (role IN ('ADMIN', 'OPERATOR_DINKES', 'KEUANGAN', 'AUDITOR'))
      );

      CREATE TABLE audit_event (
        id bigint GENERATED ALWAYS AS IDENTITY,
        at timestamptz NOT NULL,
        actor text NOT NULL,
        action text NOT NULL,
        entity text NOT NULL,
        entity_id text,
        summary text NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        CONSTRAINT "PK_audit_event" PRIMARY KEY (id)
      );
      CREATE INDEX "IDX_audit_event_entity_at" ON audit_event (entity, at);
      CREATE INDEX "IDX_audit_event_actor_at" ON audit_event (actor, at);
      CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'audit_event is append-only'; END $$;
      CREATE TRIGGER "TRG_audit_event_append_only" BEFORE UPDATE OR DELETE ON audit_event
        FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();

      -- Register (DOMAIN §2, §4, §12)
      CREATE TABLE enrollment_upload (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        filename text NOT NULL,
        checksum text NOT NULL,
        size_bytes bigint NOT NULL,
        status text NOT NULL,
        progress real NOT NULL DEFAULT 0,
        rows_read integer NOT NULL DEFAULT 0,
        accepted integer NOT NULL DEFAULT 0,
        rejected integer NOT NULL DEFAULT 0,
        warnings integer NOT NULL DEFAULT 0,
        created integer NOT NULL DEFAULT 0,
        updated integer NOT NULL DEFAULT 0,
        unchanged integer NOT NULL DEFAULT 0,
        error text,
        uploaded_by text NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        CONSTRAINT "PK_enrollment_upload" PRIMARY KEY (id),
        CONSTRAINT "CHK_enrollment_upload_status" CHECK (status IN ('PROCESSING', 'DONE', 'FAILED'))
      );
      CREATE UNIQUE INDEX "UQ_enrollment_upload_checksum" ON enrollment_upload (checksum) WHERE status <> 'FAILED';

      CREATE TABLE upload_issue (
        upload_id uuid NOT NULL,
        row_number integer NOT NULL,
        severity text NOT NULL,
        column_name text,
        code text NOT NULL,
        message text NOT NULL,
        raw jsonb,
        CONSTRAINT "CHK_upload_issue_severity" CHECK (severity IN ('REJECT', 'WARN'))
      );
      CREATE INDEX "IDX_upload_issue_upload_row" ON upload_issue (upload_id, row_number);

      CREATE UNLOGGED TABLE enrollment_staging (
        upload_id uuid NOT NULL,
        row_number integer NOT NULL,
        nik text NOT NULL,
        no_kk text NOT NULL,
        name text NOT NULL,
        birth_date date NOT NULL,
        sex text NOT NULL,
        village_code text NOT NULL,
        noka text,
        tmt date NOT NULL,
        tat date,
        end_reason text,
        CONSTRAINT "PK_enrollment_staging" PRIMARY KEY (upload_id, row_number)
      );

      CREATE TABLE participant (
        nik text NOT NULL,
        no_kk text NOT NULL,
        noka text,
        name text NOT NULL,
        birth_date date NOT NULL,
        sex text NOT NULL,
        village_code text NOT NULL,
        tmt date NOT NULL,
        tat date,
        end_reason text,
        last_upload_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_participant" PRIMARY KEY (nik),
        CONSTRAINT "FK_participant_village" FOREIGN KEY (village_code) REFERENCES region (code),
        CONSTRAINT "CHK_participant_sex" CHECK (sex IN ('L', 'P')),
        CONSTRAINT "CHK_participant_tat" CHECK (tat IS NULL OR tat >= tmt),
        CONSTRAINT "CHK_participant_end_reason" CHECK (
          (tat IS NULL AND end_reason IS NULL) OR
          (tat IS NOT NULL AND end_reason IN ('MENINGGAL', 'PINDAH', 'PBI_APBN', 'MAMPU', 'LAINNYA')))
      );
      CREATE UNIQUE INDEX "UQ_participant_active_noka" ON participant (noka) WHERE noka IS NOT NULL AND tat IS NULL;
      CREATE INDEX "IDX_participant_village" ON participant (village_code);
      CREATE INDEX "IDX_participant_name" ON participant (lower(name) text_pattern_ops);

      CREATE TABLE participant_change (
        id bigint GENERATED ALWAYS AS IDENTITY,
        nik text NOT NULL,
        upload_id uuid,
        kind text NOT NULL,
        changes jsonb NOT NULL,
        changed_by text NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_participant_change" PRIMARY KEY (id),
        CONSTRAINT "CHK_participant_change_kind" CHECK (kind IN ('CREATE', 'UPDATE'))
      );
      CREATE INDEX "IDX_participant_change_nik" ON participant_change (nik, id);

      -- Funding (DOMAIN §3, §5, §6)
      CREATE TABLE tariff (
        id integer GENERATED BY DEFAULT AS IDENTITY,
        component text NOT NULL,
        payer text NOT NULL,
        amount bigint NOT NULL,
        valid_from date NOT NULL,
        valid_to date,
        legal_basis text,
        created_by text NOT NULL DEFAULT 'system',
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_tariff" PRIMARY KEY (id),
        CONSTRAINT "CHK_tariff_payer" CHECK (payer IN ('LOCAL', 'CENTRAL')),
        CONSTRAINT "CHK_tariff_amount" CHECK (amount >= 0),
        CONSTRAINT "CHK_tariff_dates" CHECK (valid_to IS NULL OR valid_to >= valid_from)
      );

      CREATE TABLE pledge (
        code text NOT NULL,
        revision integer NOT NULL DEFAULT 1,
        source_type text NOT NULL,
        fund text,
        funder text NOT NULL,
        fiscal_year integer NOT NULL,
        from_month integer NOT NULL DEFAULT 1,
        to_month integer NOT NULL DEFAULT 12,
        scope text NOT NULL,
        village_codes text[] NOT NULL DEFAULT '{}',
        niks text[] NOT NULL DEFAULT '{}',
        share_percent integer NOT NULL DEFAULT 100,
        quota integer,
        budget bigint,
        priority integer NOT NULL,
        legal_basis text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_pledge" PRIMARY KEY (code),
        CONSTRAINT "CHK_pledge_source_type" CHECK (source_type IN ('APBD', 'APBD_PROV', 'DESA', 'TJSLP')),
        CONSTRAINT "CHK_pledge_fund" CHECK (
          (source_type = 'DESA' AND coalesce(fund, '') IN ('DANA_DESA', 'ADD', 'PADES')) OR
          (source_type <> 'DESA' AND fund IS NULL)),
        CONSTRAINT "CHK_pledge_months" CHECK (from_month BETWEEN 1 AND 12 AND to_month BETWEEN from_month AND 12),
        CONSTRAINT "CHK_pledge_scope" CHECK (scope IN ('ALL', 'VILLAGES', 'RESIDENTS')),
        CONSTRAINT "CHK_pledge_share" CHECK (share_percent BETWEEN 1 AND 100),
        CONSTRAINT "CHK_pledge_quota" CHECK (quota IS NULL OR quota > 0),
        CONSTRAINT "CHK_pledge_budget" CHECK (budget IS NULL OR budget > 0)
      );
      CREATE INDEX "IDX_pledge_fiscal_year" ON pledge (fiscal_year);

      CREATE TABLE pledge_revision (
        code text NOT NULL,
        revision integer NOT NULL,
        data jsonb NOT NULL,
        reason text,
        changed_by text NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_pledge_revision" PRIMARY KEY (code, revision),
        CONSTRAINT "FK_pledge_revision_pledge" FOREIGN KEY (code) REFERENCES pledge (code)
      );

      -- One row per covered participant-month (§4). Indexed by month first: every bulk
      -- operation works on one month.
      CREATE TABLE obligation (
        month text NOT NULL,
        nik text NOT NULL,
        amount bigint NOT NULL,
        unfunded bigint NOT NULL,
        tmt date NOT NULL,
        village_code text NOT NULL,
        CONSTRAINT "PK_obligation" PRIMARY KEY (month, nik)
      );
      CREATE INDEX "IDX_obligation_nik" ON obligation (nik);

      CREATE TABLE allocation_month (
        month text NOT NULL,
        fiscal_year integer NOT NULL,
        status text NOT NULL,
        participants integer NOT NULL DEFAULT 0,
        obligation bigint NOT NULL DEFAULT 0,
        unfunded_participants integer NOT NULL DEFAULT 0,
        unfunded_amount bigint NOT NULL DEFAULT 0,
        tariff_ids integer[] NOT NULL DEFAULT '{}',
        pledge_revisions jsonb NOT NULL DEFAULT '{}',
        allocated_by text,
        allocated_at timestamptz,
        CONSTRAINT "PK_allocation_month" PRIMARY KEY (month),
        CONSTRAINT "CHK_allocation_month_status" CHECK (status IN ('CURRENT', 'STALE'))
      );

      CREATE TABLE split (
        month text NOT NULL,
        nik text NOT NULL,
        pledge_code text NOT NULL,
        pledge_revision integer NOT NULL,
        amount bigint NOT NULL,
        CONSTRAINT "PK_split" PRIMARY KEY (month, nik, pledge_code),
        CONSTRAINT "CHK_split_amount" CHECK (amount > 0)
      );
      CREATE INDEX "IDX_split_nik" ON split (nik, month);
      CREATE INDEX "IDX_split_pledge_month" ON split (pledge_code, month);

      -- BPJS inputs (§7)
      CREATE TABLE bill (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        month text NOT NULL,
        version integer NOT NULL,
        invoice_total bigint NOT NULL,
        lines integer NOT NULL DEFAULT 0,
        lines_total bigint NOT NULL DEFAULT 0,
        checksum text NOT NULL,
        filename text NOT NULL,
        uploaded_by text NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_bill" PRIMARY KEY (id),
        CONSTRAINT "UQ_bill_month_version" UNIQUE (month, version)
      );
      CREATE TABLE bill_line (
        bill_id uuid NOT NULL,
        row_number integer NOT NULL,
        noka text NOT NULL DEFAULT '',
        nik text NOT NULL,
        name text NOT NULL DEFAULT '',
        amount bigint NOT NULL,
        CONSTRAINT "PK_bill_line" PRIMARY KEY (bill_id, row_number),
        CONSTRAINT "FK_bill_line_bill" FOREIGN KEY (bill_id) REFERENCES bill (id) ON DELETE CASCADE
      );
      CREATE TABLE pbi_apbn_list (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        month text NOT NULL,
        version integer NOT NULL,
        niks integer NOT NULL DEFAULT 0,
        checksum text NOT NULL,
        filename text NOT NULL,
        uploaded_by text NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_pbi_apbn_list" PRIMARY KEY (id),
        CONSTRAINT "UQ_pbi_apbn_list_month_version" UNIQUE (month, version)
      );
      CREATE TABLE pbi_apbn_entry (
        list_id uuid NOT NULL,
        nik text NOT NULL,
        CONSTRAINT "PK_pbi_apbn_entry" PRIMARY KEY (list_id, nik),
        CONSTRAINT "FK_pbi_apbn_entry_list" FOREIGN KEY (list_id) REFERENCES pbi_apbn_list (id) ON DELETE CASCADE
      );

      -- Payments (§8)
      CREATE TABLE payment (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        pledge_code text NOT NULL,
        month text NOT NULL,
        amount bigint NOT NULL,
        paid_at date NOT NULL,
        reference text NOT NULL,
        adjusts_month text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_payment" PRIMARY KEY (id),
        CONSTRAINT "FK_payment_pledge" FOREIGN KEY (pledge_code) REFERENCES pledge (code),
        CONSTRAINT "CHK_payment_amount" CHECK (amount > 0)
      );
      CREATE INDEX "IDX_payment_month_pledge" ON payment (month, pledge_code);

      -- Reconciliation (§7, §9)
      CREATE TABLE reconciliation_run (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        month text NOT NULL,
        version integer NOT NULL,
        status text NOT NULL,
        trigger text NOT NULL DEFAULT 'MANUAL',
        inputs jsonb NOT NULL DEFAULT '{}',
        summary jsonb,
        error text,
        started_by text NOT NULL,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        finalized_by text,
        finalized_at timestamptz,
        CONSTRAINT "PK_reconciliation_run" PRIMARY KEY (id),
        CONSTRAINT "UQ_reconciliation_run_month_version" UNIQUE (month, version),
        CONSTRAINT "CHK_reconciliation_run_status" CHECK (status IN ('RUNNING', 'DONE', 'FAILED', 'FINAL'))
      );
      CREATE UNIQUE INDEX "UQ_reconciliation_run_final_month" ON reconciliation_run (month) WHERE status = 'FINAL';
      CREATE UNIQUE INDEX "UQ_reconciliation_run_running_month" ON reconciliation_run (month) WHERE status = 'RUNNING';

      CREATE TABLE finding (
        run_id uuid NOT NULL,
        seq integer NOT NULL,
        category text NOT NULL,
        nik text,
        noka text,
        name text,
        row_number integer,
        billed_amount bigint,
        expected_amount bigint,
        action text NOT NULL,
        CONSTRAINT "PK_finding" PRIMARY KEY (run_id, seq),
        CONSTRAINT "FK_finding_run" FOREIGN KEY (run_id) REFERENCES reconciliation_run (id) ON DELETE CASCADE
      );
      CREATE INDEX "IDX_finding_run_category" ON finding (run_id, category, seq);

      -- Months closed by a finalized reconciliation (§9): nothing touching them may change.
      CREATE TABLE closed_month (
        month text NOT NULL,
        run_id uuid NOT NULL,
        closed_by text NOT NULL,
        closed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_closed_month" PRIMARY KEY (month),
        CONSTRAINT "FK_closed_month_run" FOREIGN KEY (run_id) REFERENCES reconciliation_run (id)
      );
    `);

    const values = WILAYAH_1703.map((_, i) => `($${i * 4 + 1}, $${i * 4 + 2}, $${i * 4 + 3}, $${i * 4 + 4})`);
    await q.query(
      `INSERT INTO region (code, level, name, kecamatan_code) VALUES ${values.join(', ')}`,
      WILAYAH_1703.flat(),
    );
    await q.query(`
      INSERT INTO tariff (component, payer, amount, valid_from, valid_to, legal_basis) VALUES
        ('IURAN', 'LOCAL', 23000, '2018-01-01', '2019-07-31', 'Perpres 82/2018'),
        ('IURAN', 'LOCAL', 42000, '2019-08-01', '2020-12-31', 'Perpres 75/2019'),
        ('IURAN', 'LOCAL', 35000, '2021-01-01', NULL, 'Perpres 64/2020'),
        ('BANTUAN_DAERAH', 'LOCAL', 2800, '2021-01-01', NULL, 'PMK 78/2020 jo. PMK 51/2024'),
        ('BANTUAN_PUSAT', 'CENTRAL', 4200, '2021-01-01', NULL, 'PMK 78/2020 jo. PMK 51/2024')
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE closed_month, finding, reconciliation_run, payment, pbi_apbn_entry, pbi_apbn_list,
        bill_line, bill, split, allocation_month, obligation, pledge_revision, pledge, tariff,
        participant_change, participant, enrollment_staging, upload_issue, enrollment_upload,
        audit_event, app_user, region;
      DROP FUNCTION audit_event_append_only();
    `);
  }
}
