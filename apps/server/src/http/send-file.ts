import type { FastifyReply } from 'fastify';
import { attachmentHeader } from '../export/xlsx.js';

/** Sends a file the JSON schema does not describe (Fastify sends a Buffer as it is). */
export function sendFile(
  reply: FastifyReply,
  contentType: string,
  filename: string,
  body: Buffer,
): FastifyReply {
  reply.header('content-disposition', attachmentHeader(filename));
  return reply.type(contentType).send(body);
}
