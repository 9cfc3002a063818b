import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `split` and `obligation` become LIST-partitioned by month (DOMAIN §4, §6 at province scale).
 * AllocateMonth loads a month into a fresh, unindexed table, indexes it in one sort and attaches
 * it as that month's partition (instead of updating three b-trees row by row); re-allocating a
 * month drops its partition instead of deleting a million rows. Rows written directly (tests,
 * older data) land in the DEFAULT partition. Names of constraints and indexes are unchanged.
 *
 * Key columns (months, NIKs, pledge and village codes: digits and ASCII) use the "C" collation:
 * byte order is the code-point order §5 asks for, and index builds sort with memcmp and
 * abbreviated keys instead of the locale's strcoll (several times faster at a million rows).
 */
export class PartitionSplitObligation1764600000000 implements MigrationInterface {
  name = 'PartitionSplitObligation1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE split RENAME TO split_unpartitioned;
      ALTER TABLE split_unpartitioned RENAME CONSTRAINT "PK_split" TO "PK_split_unpartitioned";
      ALTER TABLE split_unpartitioned RENAME CONSTRAINT "CHK_split_amount" TO "CHK_split_unpartitioned_amount";
      ALTER INDEX "IDX_split_nik" RENAME TO "IDX_split_unpartitioned_nik";
      ALTER INDEX "IDX_split_pledge_month" RENAME TO "IDX_split_unpartitioned_pledge_month";
      CREATE TABLE split (
        month text COLLATE "C" NOT NULL,
        nik text COLLATE "C" NOT NULL,
        pledge_code text COLLATE "C" NOT NULL,
        pledge_revision integer NOT NULL,
        amount bigint NOT NULL,
        CONSTRAINT "PK_split" PRIMARY KEY (month, nik, pledge_code),
        CONSTRAINT "CHK_split_amount" CHECK (amount > 0)
      ) PARTITION BY LIST (month);
      CREATE INDEX "IDX_split_nik" ON split (nik, month);
      CREATE INDEX "IDX_split_pledge_month" ON split (pledge_code, month);
      CREATE TABLE split_default PARTITION OF split DEFAULT;
      INSERT INTO split SELECT month, nik, pledge_code, pledge_revision, amount FROM split_unpartitioned;
      DROP TABLE split_unpartitioned;

      ALTER TABLE obligation RENAME TO obligation_unpartitioned;
      ALTER TABLE obligation_unpartitioned RENAME CONSTRAINT "PK_obligation" TO "PK_obligation_unpartitioned";
      ALTER INDEX "IDX_obligation_nik" RENAME TO "IDX_obligation_unpartitioned_nik";
      CREATE TABLE obligation (
        month text COLLATE "C" NOT NULL,
        nik text COLLATE "C" NOT NULL,
        amount bigint NOT NULL,
        unfunded bigint NOT NULL,
        tmt date NOT NULL,
        village_code text COLLATE "C" NOT NULL,
        CONSTRAINT "PK_obligation" PRIMARY KEY (month, nik)
      ) PARTITION BY LIST (month);
      CREATE INDEX "IDX_obligation_nik" ON obligation (nik);
      CREATE TABLE obligation_default PARTITION OF obligation DEFAULT;
      INSERT INTO obligation SELECT month, nik, amount, unfunded, tmt, village_code FROM obligation_unpartitioned;
      DROP TABLE obligation_unpartitioned;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE split_plain (
        month text NOT NULL, nik text NOT NULL, pledge_code text NOT NULL, pledge_revision integer NOT NULL, amount bigint NOT NULL);
      INSERT INTO split_plain SELECT month, nik, pledge_code, pledge_revision, amount FROM split;
      DROP TABLE split;
      ALTER TABLE split_plain RENAME TO split;
      ALTER TABLE split ADD CONSTRAINT "PK_split" PRIMARY KEY (month, nik, pledge_code), ADD CONSTRAINT "CHK_split_amount" CHECK (amount > 0);
      CREATE INDEX "IDX_split_nik" ON split (nik, month);
      CREATE INDEX "IDX_split_pledge_month" ON split (pledge_code, month);

      CREATE TABLE obligation_plain (
        month text NOT NULL, nik text NOT NULL, amount bigint NOT NULL, unfunded bigint NOT NULL, tmt date NOT NULL, village_code text NOT NULL);
      INSERT INTO obligation_plain SELECT month, nik, amount, unfunded, tmt, village_code FROM obligation;
      DROP TABLE obligation;
      ALTER TABLE obligation_plain RENAME TO obligation;
      ALTER TABLE obligation ADD CONSTRAINT "PK_obligation" PRIMARY KEY (month, nik);
      CREATE INDEX "IDX_obligation_nik" ON obligation (nik);
    `);
  }
}
