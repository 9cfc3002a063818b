/** Every migration, in order. TypeORM under ESM needs explicit lists, not globs (STACK.md). */
import { InitialSchema1764400000000 } from './migrations/1764400000000-initial-schema.js';
import { PartitionSplitObligation1764600000000 } from './migrations/1764600000000-partition-split-obligation.js';
import { MonthlySchedule1764700000000 } from './migrations/1764700000000-monthly-schedule.js';
import { MonthPartitionIndexes1764800000000 } from './migrations/1764800000000-month-partition-indexes.js';
import { BpjsUploadCounts1764900000000 } from './migrations/1764900000000-bpjs-upload-counts.js';
import { ParticipantCreationOnRow1765000000000 } from './migrations/1765000000000-participant-creation-on-row.js';
import { ParticipantVillageCheck1765100000000 } from './migrations/1765100000000-participant-village-check.js';
import { MonthBuildSchema1765200000000 } from './migrations/1765200000000-month-build-schema.js';
import { AllocationFunded1765300000000 } from './migrations/1765300000000-allocation-funded.js';
import { SplitPledgeBrin1765400000000 } from './migrations/1765400000000-split-pledge-brin.js';
import { ParticipantNikCCollation1765500000000 } from './migrations/1765500000000-participant-nik-c-collation.js';
import { DropParticipantNameIndex1765600000000 } from './migrations/1765600000000-drop-participant-name-index.js';
import { ParticipantKeyCoversCoverage1765700000000 } from './migrations/1765700000000-participant-key-covers-coverage.js';
import { UserTokenVersion1765800000000 } from './migrations/1765800000000-user-token-version.js';
import { ParticipantChangeChangedAtIndex1765900000000 } from './migrations/1765900000000-participant-change-changed-at-index.js';
import { PaymentReferenceKeyIndex1766000000000 } from './migrations/1766000000000-payment-reference-key-index.js';
import { PaymentUpload1766100000000 } from './migrations/1766100000000-payment-upload.js';
import { StagingNokaKept1766200000000 } from './migrations/1766200000000-staging-noka-kept.js';
import { EnrollmentUploadSuperseded1766300000000 } from './migrations/1766300000000-enrollment-upload-superseded.js';
import { EnrollmentUploadColumnLabels1766400000000 } from './migrations/1766400000000-enrollment-upload-column-labels.js';
import { EnrollmentUploadErrorCode1766520000000 } from './migrations/1766520000000-enrollment-upload-error-code.js';
import { UploadColumnLabels1766640000000 } from './migrations/1766640000000-upload-column-labels.js';
import { PledgeUpload1766760000000 } from './migrations/1766760000000-pledge-upload.js';
import { PledgeUploadListRows1766880000000 } from './migrations/1766880000000-pledge-upload-list-rows.js';
import { UploadColumnOrder1767000000000 } from './migrations/1767000000000-upload-column-order.js';
import { PledgeUploadColumnOrder1767120000000 } from './migrations/1767120000000-pledge-upload-column-order.js';
import { PaymentAdjustsMonthIndex1767240000000 } from './migrations/1767240000000-payment-adjusts-month-index.js';
import { PaymentUploadChecksum1767360000000 } from './migrations/1767360000000-payment-upload-checksum.js';
import { DropPaymentReferenceKeyIndex1767480000000 } from './migrations/1767480000000-drop-payment-reference-key-index.js';
import { PledgeUploadPledges1767550000000 } from './migrations/1767550000000-pledge-upload-pledges.js';
import { UploadSheetWarnings1767600000000 } from './migrations/1767600000000-upload-sheet-warnings.js';
import { PledgeTermsView1767700000000 } from './migrations/1767700000000-pledge-terms-view.js';
import { EnrollmentUploadHeartbeat1767800000000 } from './migrations/1767800000000-enrollment-upload-heartbeat.js';
import { BillFileWarnings1767900000000 } from './migrations/1767900000000-bill-file-warnings.js';
import { PledgeWithdrawal1768000000000 } from './migrations/1768000000000-pledge-withdrawal.js';
import { PaymentUploadIdFindingRegisterNoka1768100000000 } from './migrations/1768100000000-payment-upload-id-finding-register-noka.js';
import { EnrollmentUploadReinstated1768200000000 } from './migrations/1768200000000-enrollment-upload-reinstated.js';
import { PaymentNegativeCorrection1768300000000 } from './migrations/1768300000000-payment-negative-correction.js';
import { BillLineNokaRestored1768400000000 } from './migrations/1768400000000-bill-line-noka-restored.js';
import { AuditEventEntity1768500000000 } from './migrations/1768500000000-audit-event-entity.js';
import { FindingRunRow1768600000000 } from './migrations/1768600000000-finding-run-row.js';
import { ParticipantEndedNoka1768700000000 } from './migrations/1768700000000-participant-ended-noka.js';
import { ParticipantChangeVoid1768900000000 } from './migrations/1768900000000-participant-change-void.js';
import { TariffSuperseded1769700000000 } from './migrations/1769700000000-tariff-superseded.js';
import { TariffSupersededFkName1769900000000 } from './migrations/1769900000000-tariff-superseded-fk-name.js';
import { NokaClearedOwedChanged1770100000000 } from './migrations/1770100000000-noka-cleared-owed-changed.js';
import { ParticipantChangeConsoleReason1770200000000 } from './migrations/1770200000000-participant-change-console-reason.js';
import { NamesComposed1770300000000 } from './migrations/1770300000000-names-composed.js';
import { RegisterChangesSinceAllocation1771000000000 } from './migrations/1771000000000-register-changes-since-allocation.js';

export const MIGRATIONS = [
  InitialSchema1764400000000,
  PartitionSplitObligation1764600000000,
  MonthlySchedule1764700000000,
  MonthPartitionIndexes1764800000000,
  BpjsUploadCounts1764900000000,
  ParticipantCreationOnRow1765000000000,
  ParticipantVillageCheck1765100000000,
  MonthBuildSchema1765200000000,
  AllocationFunded1765300000000,
  SplitPledgeBrin1765400000000,
  ParticipantNikCCollation1765500000000,
  DropParticipantNameIndex1765600000000,
  ParticipantKeyCoversCoverage1765700000000,
  UserTokenVersion1765800000000,
  ParticipantChangeChangedAtIndex1765900000000,
  PaymentReferenceKeyIndex1766000000000,
  PaymentUpload1766100000000,
  StagingNokaKept1766200000000,
  EnrollmentUploadSuperseded1766300000000,
  EnrollmentUploadColumnLabels1766400000000,
  EnrollmentUploadErrorCode1766520000000,
  UploadColumnLabels1766640000000,
  PledgeUpload1766760000000,
  PledgeUploadListRows1766880000000,
  UploadColumnOrder1767000000000,
  PledgeUploadColumnOrder1767120000000,
  PaymentAdjustsMonthIndex1767240000000,
  PaymentUploadChecksum1767360000000,
  DropPaymentReferenceKeyIndex1767480000000,
  PledgeUploadPledges1767550000000,
  UploadSheetWarnings1767600000000,
  PledgeTermsView1767700000000,
  EnrollmentUploadHeartbeat1767800000000,
  BillFileWarnings1767900000000,
  PledgeWithdrawal1768000000000,
  PaymentUploadIdFindingRegisterNoka1768100000000,
  EnrollmentUploadReinstated1768200000000,
  PaymentNegativeCorrection1768300000000,
  BillLineNokaRestored1768400000000,
  AuditEventEntity1768500000000,
  FindingRunRow1768600000000,
  ParticipantEndedNoka1768700000000,
  ParticipantChangeVoid1768900000000,
  TariffSuperseded1769700000000,
  TariffSupersededFkName1769900000000,
  NokaClearedOwedChanged1770100000000,
  ParticipantChangeConsoleReason1770200000000,
  NamesComposed1770300000000,
  RegisterChangesSinceAllocation1771000000000,
];
