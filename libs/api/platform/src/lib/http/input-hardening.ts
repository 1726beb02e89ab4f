import { BadRequestException } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MAX_JSON_DEPTH, findUnsafeString, jsonTextDepth } from './unsafe-input';

/**
 * The one input-hardening layer every route shares, run by Fastify before
 * Nest's guards and pipes:
 * - JSON bodies are size-limited (413, Fastify's bodyLimit), depth-limited
 *   from the raw text (400) and parsed without prototype keys;
 * - every string in the body, query and path parameters is refused (400)
 *   when it holds NUL or a lone surrogate, which PostgreSQL and UTF-8 cannot carry.
 * Errors thrown here reach the global ApiExceptionFilter like any other.
 */
export function registerInputHardening(fastify: FastifyInstance, maxDepth = MAX_JSON_DEPTH): void {
  // `application/json` and the `+json` types (FHIR sends application/fhir+json).
  const jsonTypes = /^application\/([\w.-]+\+)?json(\s*;.*)?$/i;
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser(jsonTypes, { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    if (jsonTextDepth(text, maxDepth) > maxDepth) {
      return done(new BadRequestException(`The request body is nested more than ${maxDepth} levels deep.`));
    }
    try {
      done(null, JSON.parse(text, rejectPrototypeKeys));
    } catch (e) {
      done(e instanceof BadRequestException ? e : new BadRequestException('The request body is not valid JSON.'));
    }
  });

  fastify.addHook('preValidation', async (request: FastifyRequest) => {
    // Fastify and its query parser pass malformed escapes through as text;
    // refuse them once here instead of letting a later decode throw URIError.
    try {
      decodeURIComponent(request.url);
    } catch {
      throw new BadRequestException('The request URL has a malformed percent-encoding.');
    }
    for (const [name, value] of [
      ['path', request.params],
      ['query', request.query],
      ['body', request.body],
    ] as const) {
      const found = findUnsafeString(value, name);
      if (found) throw new BadRequestException(`A value in the request ${name} ${found.reason}.`);
    }
  });
}

function rejectPrototypeKeys(key: string, value: unknown): unknown {
  // Fastify's default parser refuses these too (prototype poisoning); keep that protection.
  const poisoned =
    key === '__proto__' ||
    (key === 'constructor' && value !== null && typeof value === 'object' && 'prototype' in value);
  if (poisoned) {
    throw new BadRequestException('The request body uses a reserved key.');
  }
  return value;
}
