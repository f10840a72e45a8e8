import { useRef } from 'react';

/** A random UUID; crypto.randomUUID only exists on https or localhost, so fall back. */
export function newRequestId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Client request ids of a money-moving form. `idFor(body)` returns the id of the last submission
 * when the same body is submitted again (a retry after an error or a lost answer, so the server
 * moves the money once), and a new id when the body differs. `done()` after success: the next
 * submission is a new one.
 */
export function useRequestIds(): { idFor: (body: unknown) => string; done: () => void } {
  const last = useRef<{ key: string; id: string } | null>(null);
  return {
    idFor: (body) => {
      const key = JSON.stringify(body);
      if (last.current?.key === key) return last.current.id;
      const id = newRequestId();
      last.current = { key, id };
      return id;
    },
    done: () => {
      last.current = null;
    },
  };
}
