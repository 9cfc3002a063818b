import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import argon2 from 'argon2';
import { QueryFailedError, Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../common/config/app-config.js';
import { CommonErrorCode, CommonException } from '../common/errors/common.exception.js';
import type { UpdateUserDto } from './dto/create-user.dto.js';
import { User } from './entities/user.entity.js';
import { Role } from './role.js';

@Injectable()
export class UsersService implements OnApplicationBootstrap {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Creates the bootstrap admin when the user table is empty (first start only). */
  async onApplicationBootstrap(): Promise<void> {
    if ((await this.users.count()) > 0) return;
    const admin = this.config.bootstrapAdmin;
    if (!admin) {
      this.logger.warn('No users exist and ADMIN_USERNAME/ADMIN_PASSWORD are not set: nobody can log in.');
      return;
    }
    await this.create(admin.username, admin.password, Role.ADMIN);
    this.logger.log(`Bootstrap admin "${admin.username}" created`);
  }

  async create(username: string, password: string, role: Role): Promise<User> {
    const passwordHash = await argon2.hash(password);
    try {
      const saved = await this.users.save(this.users.create({ username: username.toLowerCase(), passwordHash, role }));
      return this.get(saved.id);
    } catch (err) {
      if (err instanceof QueryFailedError && String(err.driverError?.constraint ?? err.message).includes('UQ_app_user_username')) {
        throw new CommonException(CommonErrorCode.CONFLICT, `Nama pengguna "${username}" sudah dipakai.`);
      }
      throw err;
    }
  }

  list(): Promise<User[]> {
    return this.users.find({ order: { username: 'ASC' } });
  }

  async get(id: string): Promise<User> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw CommonException.notFound('Pengguna', id);
    return user;
  }

  async update(id: string, change: UpdateUserDto): Promise<User> {
    await this.get(id);
    const patch: Partial<User> = { role: change.role, active: change.active };
    if (change.password) patch.passwordHash = await argon2.hash(change.password);
    await this.users.update({ id }, Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)));
    return this.get(id);
  }

  findWithHash(username: string): Promise<User | null> {
    return this.users.findOne({ where: { username }, select: { id: true, username: true, passwordHash: true, role: true, active: true } });
  }
}
