import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { APP_CONFIG, type AppConfig, ConfigError } from '../common/config/app-config.js';
import { AUDIT_BEFORE } from '../audit/audit-before.js';
import type { UpdateUserDto } from './dto/create-user.dto.js';
import { User } from './entities/user.entity.js';
import { PasswordHasher } from './password-hasher.js';
import { Role } from './role.js';
import { UsersErrorCode, UsersException } from './users.exception.js';
import { processingUploadsOf, processingUploadsWarnings, type UserWarning } from './processing-uploads.js';

/**
 * How long the guard trusts an account it has read (every request needs it). Changes made through
 * this instance apply at once (the entry is dropped); another instance's change within this time.
 */
export const ACTIVE_USER_TTL_MS = 5_000;

/** An active account as the guard reads it: who, and the version its tokens must carry (a password change raises it). */
export type ActiveUser = AuthenticatedUser & { tokenVersion: number };

@Injectable()
export class UsersService implements OnApplicationBootstrap {
  private readonly logger = new Logger(UsersService.name);
  private readonly activeCache = new Map<string, { user: ActiveUser | null; until: number }>();

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly passwords: PasswordHasher,
  ) {}

  /** Creates the bootstrap admin when the user table is empty (first start only). */
  async onApplicationBootstrap(): Promise<void> {
    if ((await this.users.count()) > 0) return;
    const admin = this.config.bootstrapAdmin;
    if (!admin) {
      this.logger.warn('No users exist and ADMIN_USERNAME/ADMIN_PASSWORD are not set: nobody can log in.');
      return;
    }
    if (!admin.password) {
      throw new ConfigError([
        `ADMIN_PASSWORD is required on the first start, to create the admin "${admin.username}" (no user exists yet); later starts may leave it out`,
      ]);
    }
    try {
      await this.create(admin.username, admin.password, Role.ADMIN);
      this.logger.log(`Bootstrap admin "${admin.username}" created`);
    } catch (err) {
      // Another instance starting at the same time created it first.
      if (!(err instanceof UsersException && err.code === UsersErrorCode.USERNAME_TAKEN)) throw err;
    }
  }

  async create(username: string, password: string, role: Role): Promise<User> {
    const passwordHash = await this.passwords.hash(password);
    // ON CONFLICT DO NOTHING rather than catching the unique violation, which TypeORM would log
    // together with its parameters (the password hash).
    const inserted = await this.users
      .createQueryBuilder()
      .insert()
      .values({ username: username.toLowerCase(), passwordHash, role })
      .orIgnore()
      .returning('id')
      .execute();
    const id: string | undefined = inserted.raw[0]?.id;
    if (!id) throw UsersException.usernameTaken(username);
    return this.get(id);
  }

  list(): Promise<User[]> {
    return this.users.find({ order: { username: 'ASC' } });
  }

  async get(id: string): Promise<User> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw UsersException.notFound(id);
    return user;
  }

  /**
   * Changes role, active and/or password. Refused when nothing is given or nothing would change
   * (USER_UNCHANGED, as an unchanged pledge revision), and when it would leave no
   * active ADMIN: the bootstrap admin is only created on an empty user table, so nobody could manage
   * users again. The active admins are locked while checked, so two admins demoting each other at
   * once cannot both succeed. `warnings`: a user deactivated with uploads still processing in the background, which
   * finish under their name (UPLOADS_STILL_PROCESSING, processing-uploads.ts); [] otherwise.
   */
  async update(id: string, change: UpdateUserDto): Promise<User & { warnings: UserWarning[] }> {
    if (change.role === undefined && change.active === undefined && change.password === undefined) {
      throw UsersException.nothingSent();
    }
    const passwordHash = change.password === undefined ? undefined : await this.passwords.hash(change.password);
    const before = await this.users.manager.transaction(async (m) => {
      const user = await m.findOneBy(User, { id });
      if (!user) throw UsersException.notFound(id);
      // as an unchanged pledge revision: refused and recorded nowhere (a password, even the same one, ends sessions: a change)
      if (passwordHash === undefined && (change.role ?? user.role) === user.role && (change.active ?? user.active) === user.active) throw UsersException.unchanged(user);
      const staysAdmin = (change.role ?? user.role) === Role.ADMIN && (change.active ?? user.active);
      if (user.role === Role.ADMIN && user.active && !staysAdmin) {
        const admins: { id: string }[] = await m.query(`SELECT id FROM app_user WHERE role = 'ADMIN' AND active FOR UPDATE`);
        if (!admins.some((a) => a.id !== id)) {
          throw UsersException.lastActiveAdmin(user.username);
        }
      }
      const patch = Object.fromEntries(Object.entries({ role: change.role, active: change.active, passwordHash }).filter(([, v]) => v !== undefined));
      // a new password ends every session of the old one: their tokens carry the old version; so does
      // deactivation, for good (QA: reactivating brought the tokens issued before it back to life)
      const endsSessions = passwordHash !== undefined || change.active === false;
      await m.update(User, { id }, endsSessions ? { ...patch, tokenVersion: () => 'token_version + 1' } : patch);
      return { role: user.role, active: user.active, username: user.username };
    });
    this.activeCache.delete(id);
    const deactivated = before.active && change.active === false;
    const warnings = deactivated ? processingUploadsWarnings(before.username, await processingUploadsOf(this.users.manager, before.username)) : [];
    // the role and flag it replaced, for the audit event (left out of the answer)
    return Object.assign(await this.get(id), { warnings }, { [AUDIT_BEFORE]: { role: before.role, active: before.active } });
  }

  /** Raises the account's token version: every token issued to it stops working (logout). */
  async endSessions(id: string): Promise<void> {
    await this.users.query('UPDATE app_user SET token_version = token_version + 1 WHERE id = $1', [id]);
    this.activeCache.delete(id);
  }

  /** The caller behind a verified token, if the account still exists and is active (cached, see ACTIVE_USER_TTL_MS). */
  async findActive(id: string): Promise<ActiveUser | null> {
    const cached = this.activeCache.get(id);
    if (cached && cached.until > performance.now()) return cached.user;
    const [row]: (AuthenticatedUser & { token_version: number })[] = await this.users.query('SELECT id, username, role, token_version FROM app_user WHERE id = $1 AND active', [id]);
    const user = row ? { id: row.id, username: row.username, role: row.role, tokenVersion: Number(row.token_version) } : null;
    this.activeCache.set(id, { user, until: performance.now() + ACTIVE_USER_TTL_MS });
    return user;
  }

  findWithHash(username: string): Promise<User | null> {
    return this.users.findOne({ where: { username }, select: { id: true, username: true, passwordHash: true, role: true, active: true, tokenVersion: true } });
  }
}
