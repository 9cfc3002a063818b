/** Every TypeORM entity, listed explicitly (ESM: no globs). Bulk work uses SQL, not these. */
import { AuditEvent } from '../audit/entities/audit-event.entity.js';
import { AllocationMonth } from '../funding/entities/allocation-month.entity.js';
import { Pledge } from '../funding/entities/pledge.entity.js';
import { PledgeRevision } from '../funding/entities/pledge-revision.entity.js';
import { Tariff } from '../funding/entities/tariff.entity.js';
import { Payment } from '../payments/entities/payment.entity.js';
import { Bill } from '../reconciliation/entities/bill.entity.js';
import { Finding } from '../reconciliation/entities/finding.entity.js';
import { PbiApbnList } from '../reconciliation/entities/pbi-apbn-list.entity.js';
import { ReconciliationRun } from '../reconciliation/entities/reconciliation-run.entity.js';
import { Region } from '../regions/entities/region.entity.js';
import { EnrollmentUpload } from '../register/entities/enrollment-upload.entity.js';
import { ParticipantChange } from '../register/entities/participant-change.entity.js';
import { Participant } from '../register/entities/participant.entity.js';
import { User } from '../users/entities/user.entity.js';

export const ENTITIES = [Tariff, Pledge, PledgeRevision, AllocationMonth, AuditEvent, Region, User, Payment, Bill, PbiApbnList, ReconciliationRun, Finding, EnrollmentUpload, Participant, ParticipantChange];
