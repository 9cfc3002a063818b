import { SetMetadata } from '@nestjs/common';
import { Role } from '../users/role.js';

export const ROLES_KEY = 'access:roles';
export const PUBLIC_KEY = 'access:public';

/** The roles allowed on a route. Every route declares this or `@Public()`: the guard denies the rest. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** A route that needs no login (health, login, the console's static pages). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Roles that may read funding, bills and reconciliation results. */
export const READERS = [Role.ADMIN, Role.KEUANGAN, Role.AUDITOR] as const;
