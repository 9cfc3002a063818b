/** Every TypeORM entity, listed explicitly (ESM: no globs). Bulk work uses SQL, not these. */
import { AuditEvent } from '../audit/entities/audit-event.entity.js';
import { Region } from '../regions/entities/region.entity.js';
import { User } from '../users/entities/user.entity.js';

export const ENTITIES = [AuditEvent, Region, User];
