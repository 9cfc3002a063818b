/** A problem as a form shows it, beside its field: a refused body's `details` entries. */
export interface FieldProblem {
  field: string;
  messages: string[];
}
