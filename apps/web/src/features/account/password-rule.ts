import type { FormRule } from 'antd';
import { PASSWORD_RULE_HINT } from '../../text/zh.js';

/** The server's rule (apps/server/src/app/passwords.ts), checked early for a quicker answer. */
export function passwordStrongEnough(password: string): boolean {
  return password.length >= 10 && /[A-Za-z]/.test(password) && /\d/.test(password);
}

/** An antd form rule for a new password. */
export const NEW_PASSWORD_RULE: FormRule = {
  validator: (_, value: unknown) =>
    typeof value === 'string' && passwordStrongEnough(value)
      ? Promise.resolve()
      : Promise.reject(new Error(`密码须${PASSWORD_RULE_HINT}`)),
};
