import { z } from 'zod';
import { Role, RegionRef } from './auth.js';
import { PageQuery, pageOf, ShortText } from './common.js';

export const User = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  region: RegionRef,
  disabled: z.boolean(),
  createdAt: z.string(),
});

export const UserListQuery = PageQuery.extend({ q: z.string().max(50).optional() }).strict();
export const UserPage = pageOf(User);

export const CreateUserBody = z.strictObject({
  username: z
    .string()
    .trim()
    .regex(/^[a-zA-Z0-9_.-]{3,32}$/, '3–32 letters, digits, _ . -'),
  displayName: ShortText,
  role: Role,
  regionId: z.number().int().min(1),
  password: z.string().min(1).max(200),
});

export const UpdateUserBody = z.strictObject({
  displayName: ShortText.optional(),
  disabled: z.boolean().optional(),
});
