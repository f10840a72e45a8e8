import { Alert } from 'antd';
import { ApiError } from '../../api/client.js';
import { errorText } from '../../ui/ErrorAlert.js';

export interface Problem {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Record<string, unknown>).code === 'string' &&
    typeof (value as Record<string, unknown>).message === 'string'
  );
}

/** Every problem a refused request lists (`details.problems`), or [] when it lists none. */
export function problemsOf(error: unknown): Problem[] {
  if (!(error instanceof ApiError)) return [];
  const list = error.details.problems;
  return Array.isArray(list) ? list.filter(isProblem) : [];
}

/**
 * A refused request: its message, or each problem the server listed (a plan over its budget, a
 * scheme whose weights do not sum to 100…). `describe` may make a problem more specific.
 */
export function ProblemsAlert({
  error,
  describe = (p) => p.message,
  className,
}: {
  error: unknown;
  describe?: (problem: Problem) => string;
  className?: string;
}) {
  if (error === null || error === undefined) return null;
  const problems = problemsOf(error);
  if (problems.length === 0)
    return (
      <Alert
        type="error"
        showIcon
        className={className ?? ''}
        title={errorText(error)}
        style={{ marginBottom: 16 }}
      />
    );
  const texts = [...new Set(problems.map(describe))];
  return (
    <Alert
      type="error"
      showIcon
      className={className ?? ''}
      title={`不能保存，存在 ${String(texts.length)} 个问题：`}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {texts.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      }
      style={{ marginBottom: 16 }}
    />
  );
}
