// The part of a failed save that no field of the form can show: a conflict, a rule broken
// across fields, or a field the form does not have.
import { ApiError, fieldErrors } from '../../../../shared/api.ts';
import { ProblemAlert } from '../../../../shared/ui/ProblemAlert.tsx';

interface FormProblemProps {
  error: unknown;
  /** The form's top-level field names; errors under them are shown at the field. */
  fields: readonly string[];
  title: string;
  testId?: string;
}

export function FormProblem({ error, fields, title, testId }: FormProblemProps) {
  if (!error) return null;
  const placed = Object.keys(fieldErrors(error));
  const allPlaced =
    error instanceof ApiError &&
    placed.length > 0 &&
    placed.every((field) => fields.includes(field.split('.')[0] ?? field));
  if (allPlaced) return null;
  return <ProblemAlert error={error} title={title} testId={testId} />;
}
