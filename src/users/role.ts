/** The four roles of API.md. An auditor reads everything and changes nothing. */
export enum Role {
  ADMIN = 'ADMIN',
  OPERATOR_DINKES = 'OPERATOR_DINKES',
  KEUANGAN = 'KEUANGAN',
  AUDITOR = 'AUDITOR',
}

export const ALL_ROLES = Object.values(Role);
