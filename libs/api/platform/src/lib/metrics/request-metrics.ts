import type { FastifyInstance } from 'fastify';
import type { AppMetrics } from './app-metrics';

/**
 * Counts and times every answer by its route template (`/api/charts/:id`, never
 * the concrete URL, which holds ids), method and status. Requests no route
 * matched share one label, so a scanner cannot grow the label set.
 */
export function registerRequestMetrics(fastify: FastifyInstance, metrics: AppMetrics): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const status = reply.statusCode;
    metrics.httpRequests.inc({ method: request.method, route, status: String(status) });
    metrics.httpDuration.observe(
      { method: request.method, route, status_class: `${Math.floor(status / 100)}xx` },
      reply.elapsedTime / 1000,
    );
    done();
  });
}
