import { Alert } from 'antd';
import { ApiError } from '../../api/client.js';
import { errorText } from '../../ui/ErrorAlert.js';

interface RuleFailure {
  code: string;
  message: string;
}

function isFailure(value: unknown): value is RuleFailure {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Record<string, unknown>).code === 'string' &&
    typeof (value as Record<string, unknown>).message === 'string'
  );
}

/** Every rule a refused request broke (`details.failures`), or [] when it lists none. */
export function failuresOf(error: unknown): RuleFailure[] {
  if (!(error instanceof ApiError)) return [];
  const list = error.details.failures;
  return Array.isArray(list) ? list.filter(isFailure) : [];
}

/**
 * A failed request: its message, and when the server lists several broken rules (loan checks),
 * each of them.
 */
export function BooksErrorAlert({ error }: { error: unknown }) {
  if (error === null || error === undefined) return null;
  const failures = failuresOf(error);
  if (failures.length <= 1)
    return (
      <Alert
        type="error"
        showIcon
        title={failures[0]?.message ?? errorText(error)}
        style={{ marginBottom: 16 }}
      />
    );
  return (
    <Alert
      type="error"
      showIcon
      className="rule-failures"
      title={`不符合以下 ${String(failures.length)} 项条件：`}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {failures.map((f) => (
            <li key={f.code}>{f.message}</li>
          ))}
        </ul>
      }
      style={{ marginBottom: 16 }}
    />
  );
}
