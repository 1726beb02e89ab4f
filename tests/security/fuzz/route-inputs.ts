import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Type } from '@nestjs/common';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import { type AppRoute, enumerateRoutes } from '../../support/routes';

// class-transformer keeps @Type() metadata in a storage it does not export from its index.
const { defaultMetadataStorage } =
  require('class-transformer/cjs/storage') as typeof import('class-transformer/types/storage');

/** What a DTO field accepts, as far as its class-validator rules say. */
export interface FieldShape {
  readonly name: string;
  /** Validator names on the field (isUuid, isIn, isInt, min, max, isArray, nested…). */
  readonly rules: ReadonlySet<string>;
  readonly allowed?: readonly unknown[];
  readonly min?: number;
  readonly max?: number;
  readonly nested?: readonly FieldShape[];
}

/** One route with everything a generator needs to build requests for it. */
export interface RouteInputs extends AppRoute {
  readonly pathParams: readonly string[];
  /** Fields of the @Query() DTO, plus single @Query('name') parameters. */
  readonly query: readonly FieldShape[];
  /** Fields of the @Body() DTO; null when the body is read untyped (e.g. a FHIR bundle). */
  readonly body: readonly FieldShape[] | null;
  readonly takesBody: boolean;
}

/**
 * Every route of the running app, as the OpenAPI document lists it (method,
 * path, path parameters) and as Nest and class-validator know its inputs
 * (query and body DTO fields with their rules). Fails when the two disagree,
 * so a route cannot slip out of the fuzz run.
 */
export function routeInputs(app: NestFastifyApplication, openApi: OpenAPIObject): RouteInputs[] {
  const controllers = controllersByName(app);
  return enumerateRoutes(app).map((route) => {
    const docPath = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const operation = (openApi.paths[docPath] as Record<string, { parameters?: { in: string; name: string }[] }>)?.[
      route.method.toLowerCase()
    ];
    if (!operation) throw new Error(`${route.method} ${route.path} is missing from the OpenAPI document`);
    const parameters = operation.parameters ?? [];
    const [controllerName, methodName] = route.handler.split('.') as [string, string];
    const controller = controllers.get(controllerName);
    if (!controller) throw new Error(`controller ${controllerName} not found`);
    const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, methodName) ?? {}) as Record<
      string,
      { index: number; data?: string }
    >;
    const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, methodName) ?? []) as unknown[];
    const query: FieldShape[] = parameters
      .filter((p) => p.in === 'query')
      .map((p) => ({ name: p.name, rules: new Set<string>() }));
    let body: FieldShape[] | null = null;
    let takesBody = false;
    for (const [key, arg] of Object.entries(args)) {
      const kind = Number(key.split(':')[0]);
      const type = types[arg.index];
      if (kind === RouteParamtypes.QUERY && !arg.data && isClass(type)) query.push(...fieldsOf(type, 0));
      if (kind === RouteParamtypes.BODY) {
        takesBody = true;
        if (!arg.data && isClass(type) && type !== Object) body = fieldsOf(type, 0);
      }
    }
    return {
      ...route,
      pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
      query: dedupe(query),
      body,
      takesBody,
    };
  });
}

function controllersByName(app: NestFastifyApplication): Map<string, Type<unknown>> {
  const out = new Map<string, Type<unknown>>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const c = wrapper.metatype as Type<unknown> | null;
      if (c) out.set(c.name, c);
    }
  }
  return out;
}

function isClass(value: unknown): value is Type<unknown> {
  return typeof value === 'function' && ![String, Number, Boolean, Array].includes(value as never);
}

function fieldsOf(target: Type<unknown>, depth: number): FieldShape[] {
  const metas = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false);
  const byField = new Map<
    string,
    { rules: Set<string>; allowed?: unknown[]; min?: number; max?: number; nested?: FieldShape[] }
  >();
  for (const m of metas) {
    const field = byField.get(m.propertyName) ?? { rules: new Set<string>() };
    const rule = m.name ?? m.type;
    field.rules.add(rule);
    const c = (m.constraints ?? []) as unknown[];
    if (rule === 'isIn' && Array.isArray(c[0])) field.allowed = c[0] as unknown[];
    if (rule === 'min' && typeof c[0] === 'number') field.min = c[0];
    if (rule === 'max' && typeof c[0] === 'number') field.max = c[0];
    if (m.type === 'nestedValidation' && depth < 3) {
      const nestedType = defaultMetadataStorage.findTypeMetadata(target, m.propertyName)?.typeFunction();
      if (isClass(nestedType)) field.nested = fieldsOf(nestedType, depth + 1);
    }
    byField.set(m.propertyName, field);
  }
  return [...byField.entries()].map(([name, f]) => ({ name, ...f }));
}

function dedupe(fields: FieldShape[]): FieldShape[] {
  const seen = new Map<string, FieldShape>();
  for (const f of fields) if (!seen.has(f.name) || f.rules.size > 0) seen.set(f.name, f);
  return [...seen.values()];
}
