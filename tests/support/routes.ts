import { API_PREFIX } from '@chartdesk/contracts';
import { classifyRoute, type RouteClass } from '@chartdesk/api-access';
import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, Reflector } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

export interface AppRoute {
  readonly method: string;
  readonly path: string;
  readonly handler: string;
  readonly classification: RouteClass;
}

/**
 * Every HTTP route the running app registered through Nest controllers, with
 * its classification as the global guards see it.
 */
export function enumerateRoutes(app: NestFastifyApplication): AppRoute[] {
  const reflector = app.get(Reflector);
  const routes: AppRoute[] = [];
  const seen = new Set<Type<unknown>>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown> | null;
      if (!controller || seen.has(controller)) continue;
      seen.add(controller);
      const base = pathsOf(Reflect.getMetadata(PATH_METADATA, controller));
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const fn = proto[name];
        if (name === 'constructor' || typeof fn !== 'function') continue;
        const subPaths = Reflect.getMetadata(PATH_METADATA, fn) as string | string[] | undefined;
        if (subPaths === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod];
        for (const b of base) {
          for (const p of pathsOf(subPaths)) {
            routes.push({
              method,
              path:
                '/' +
                [API_PREFIX, b, p]
                  .map((s) => s.replace(/^\/+|\/+$/g, ''))
                  .filter(Boolean)
                  .join('/'),
              handler: `${controller.name}.${name}`,
              classification: classifyRoute(reflector, fn as never, controller),
            });
          }
        }
      }
    }
  }
  return routes;
}

function pathsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return [typeof value === 'string' ? value : ''];
}

/** A concrete URL for a route pattern: every `:param` becomes a well-formed id that exists nowhere. */
export function concreteUrl(path: string): string {
  return path.replace(/:[A-Za-z0-9_]+/g, '00000000-0000-4000-8000-000000000000');
}
