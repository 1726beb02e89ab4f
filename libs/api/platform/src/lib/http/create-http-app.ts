import { randomUUID } from 'node:crypto';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { API_PREFIX } from '@chartdesk/contracts';
import { type DynamicModule, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config';
import { ApiExceptionFilter } from '../errors/api-exception.filter';
import { statusText } from '../errors/status-text';
import { createValidationPipe } from '../errors/validation-pipe';
import { AppMetrics } from '../metrics/app-metrics';
import { registerRequestMetrics } from '../metrics/request-metrics';
import { registerInputHardening } from './input-hardening';
import { contentSecurityPolicy } from './security-headers';
import { SpaIndex, isHashedAsset } from './spa-static';

/**
 * Builds the one-origin HTTP app: the API under /api and the Angular build at /.
 * Shared by main.ts, the integration tests and the benchmarks so they all run
 * the same stack.
 */
export async function createHttpApp(
  rootModule: Type<unknown> | DynamicModule,
  config: AppConfig,
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    // Our own ids only: a client-chosen id would let a caller forge log correlation.
    genReqId: () => randomUUID(),
    return503OnClosing: true,
    // The router's own refusal (a malformed escape in the path) in our error
    // shape; Fastify's default would echo the URL, which may hold a search term.
    frameworkErrors: (_error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      void reply
        .status(400)
        .header('cache-control', 'no-store')
        .send({
          statusCode: 400,
          error: statusText(400),
          message: 'The request URL has a malformed percent-encoding.',
          requestId: String(request.id),
        });
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(rootModule, adapter, {
    bufferLogs: true,
    // Bodies are parsed by the input-hardening layer only (JSON; nothing else is accepted).
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix(API_PREFIX);
  app.enableShutdownHooks();

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });
  // The OpenAPI document and page are API answers like any other: never cached.
  fastify.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith(`/${API_PREFIX}/docs`)) void reply.header('cache-control', 'no-store');
  });
  registerInputHardening(fastify);
  registerRequestMetrics(fastify, app.get(AppMetrics));
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy() },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
    // Same rule as CSP frame-ancestors 'none' for browsers that only read the older header.
    frameguard: { action: 'deny' },
  });

  const spa = new SpaIndex(config.webDistDir);
  if (spa.available) {
    await app.register(fastifyStatic, {
      root: config.webDistDir,
      prefix: '/',
      index: false,
      // Routes per built file; everything else falls through to the SPA handler.
      wildcard: false,
      cacheControl: false,
      setHeaders: (res, path) => {
        res.header('cache-control', isHashedAsset(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter((req, reply) => spa.serve(req, reply)));

  if (config.apiDocs) mountApiDocs(app, config);
  return app;
}

function mountApiDocs(app: INestApplication, config: AppConfig): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle('ChartDesk API').setVersion(config.version).addBearerAuth().build(),
  );
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document);
}
