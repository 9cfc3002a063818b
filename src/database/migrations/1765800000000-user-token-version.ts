import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `app_user.token_version`: access tokens carry the version they were issued under (`ver`), and a
 * password change raises it, so the tokens issued before the change stop working at once (the
 * guard compares them). Until then a token taken with a leaked password stayed valid for the rest
 * of its life. Tokens issued before this column existed carry no `ver` and count as version 0.
 */
export class UserTokenVersion1765800000000 implements MigrationInterface {
  name = 'UserTokenVersion1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE app_user ADD COLUMN token_version integer NOT NULL DEFAULT 0');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE app_user DROP COLUMN token_version');
  }
}
