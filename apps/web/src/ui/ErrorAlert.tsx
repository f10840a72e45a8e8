import { Alert } from 'antd';
import { ApiError } from '../api/client.js';

/** The Chinese message of a failed request (the server's `message`), or nothing. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return '操作失败，请稍后重试';
}

/** Shows a failed request's message; renders nothing when there is no error. */
export function ErrorAlert({ error }: { error: unknown }) {
  if (error === null || error === undefined) return null;
  return <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />;
}
