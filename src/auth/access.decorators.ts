import { SetMetadata } from '@nestjs/common';
import { Role } from '../users/role.js';

export const ROLES_KEY = 'access:roles';
export const PUBLIC_KEY = 'access:public';

/** The roles allowed on a route. Every route declares this or `@Public()`: the guard denies the rest. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const REFUSAL_KEY = 'access:refusal';

/**
 * Why the route refuses the roles its `@Roles(...)` leaves out, said in their 403 FORBIDDEN in place of
 * the bare *Peran Anda tidak diizinkan …*, for a route whose roles follow a rule users should be told
 * (maker-checker: QA's admin was refused finalizing without a reason). The auditor's write keeps its
 * own reason, that the role only reads (refusalOf).
 */
export const RefusalReason = (message: string) => SetMetadata(REFUSAL_KEY, message);

/** A route that needs no login (health, login, the console's static pages). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Roles that may read funding, bills and reconciliation results. */
export const READERS = [Role.ADMIN, Role.KEUANGAN, Role.AUDITOR] as const;
