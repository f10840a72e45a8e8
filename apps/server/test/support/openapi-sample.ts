import { randomUUID } from 'node:crypto';

/** Just enough of OpenAPI's JSON Schema to build and break request bodies. */
export interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  pattern?: string;
  anyOf?: Schema[];
  oneOf?: Schema[];
  minimum?: number;
  format?: string;
}
export interface Operation {
  parameters?: { in: string; name: string; required?: boolean; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

export function typeOf(schema: Schema): string {
  const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  if (type !== undefined) return type;
  const inner = schema.anyOf?.[0] ?? schema.oneOf?.[0];
  return inner === undefined ? 'string' : typeOf(inner);
}

export function isDate(schema: Schema): boolean {
  return schema.pattern?.includes('\\d{4}-\\d{2}-\\d{2}') === true;
}

/** A plausible valid value for a schema, so that one mutated field is the only thing wrong. */
export function sample(schema: Schema): unknown {
  if (schema.enum !== undefined) return schema.enum[0];
  const variant = schema.oneOf?.[0] ?? schema.anyOf?.[0];
  if (schema.type === undefined && variant !== undefined) return sample(variant);
  switch (typeOf(schema)) {
    case 'object':
      return Object.fromEntries(
        (schema.required ?? []).map((key) => [key, sample(schema.properties?.[key] ?? {})]),
      );
    case 'array':
      return [];
    case 'integer':
    case 'number':
      return Math.max(1, schema.minimum ?? 1);
    case 'boolean':
      return false;
    default:
      if (isDate(schema)) return '2026-03-01';
      if (schema.pattern !== undefined) return '500229101201';
      return randomUUID();
  }
}
