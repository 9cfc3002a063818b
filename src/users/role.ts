/** The four roles of API.md. An auditor reads everything and changes nothing. */
export enum Role {
  ADMIN = 'ADMIN',
  OPERATOR_DINKES = 'OPERATOR_DINKES',
  KEUANGAN = 'KEUANGAN',
  AUDITOR = 'AUDITOR',
}

export const ALL_ROLES = Object.values(Role);

/** A role as users read it in messages; the console's format.js ROLE_LABELS says the same. */
export const ROLE_LABELS: Record<Role, string> = {
  [Role.ADMIN]: 'Admin',
  [Role.OPERATOR_DINKES]: 'Operator Dinkes',
  [Role.KEUANGAN]: 'Keuangan',
  [Role.AUDITOR]: 'Auditor',
};

/** A role code's label ('OPERATOR_DINKES' → 'Operator Dinkes'); an unknown code as it is. */
export const roleLabel = (role: string): string => ROLE_LABELS[role as Role] ?? role;
