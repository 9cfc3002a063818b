/**
 * Every HTTP route of the running app, found at runtime from the controllers Nest registered, with
 * the access and audit metadata the guard and the audit interceptor read. The access tests are
 * driven by this list, so routes added by any module are covered without editing the tests.
 */
import type { INestApplication } from '@nestjs/common';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { PUBLIC_KEY, ROLES_KEY } from '../../src/auth/access.decorators.js';
import { AUDITED_KEY, type AuditedMeta } from '../../src/audit/audited.decorator.js';
import type { Role } from '../../src/users/role.js';

export interface RouteInfo {
  method: string;
  path: string;
  /** `Controller.handler`, to name the route in failures. */
  where: string;
  /** As the guard resolves them: handler metadata overrides the controller's. */
  roles?: Role[];
  isPublic: boolean;
  audited?: AuditedMeta;
  /** The class of its body: the `@Body()` parameter's, or `@ApiBody`'s where the handler reads the body itself. */
  bodyType?: new () => object;
}

/** @nestjs/swagger's key of `@ApiBody` and its other parameters (the package exports no path to its constants). */
const API_PARAMETERS = 'swagger/apiParameters';

function bodyTypeOf(controller: new (...args: unknown[]) => object, name: string): RouteInfo['bodyType'] {
  const args: Record<string, { index: number }> = Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {};
  const types: unknown[] = Reflect.getMetadata('design:paramtypes', controller.prototype, name) ?? [];
  const declared = [...Object.entries(args)].filter(([key]) => Number(key.split(':')[0]) === RouteParamtypes.BODY).map(([, arg]) => types[arg.index]);
  const documented = ((Reflect.getMetadata(API_PARAMETERS, (controller.prototype as Record<string, object>)[name]) ?? []) as { in: string; type?: unknown }[])
    .filter((p) => p.in === 'body')
    .map((p) => p.type);
  const type = [...documented, ...declared].find((t) => typeof t === 'function' && ![Object, String, Number, Boolean, Array].includes(t as never));
  return type as RouteInfo['bodyType'];
}

const own = <T>(key: string, handler: object, controller: object): T | undefined =>
  Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);

function joinPath(...parts: string[]): string {
  const path = `/${parts.join('/')}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
  return path;
}

export function discoverRoutes(app: INestApplication): RouteInfo[] {
  const scanner = new MetadataScanner();
  const seen = new Set<object>();
  const routes: RouteInfo[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => object) | null;
      if (!controller || seen.has(controller)) continue;
      seen.add(controller);
      const prefixes = [Reflect.getMetadata(PATH_METADATA, controller) ?? '/'].flat() as string[];
      const proto = controller.prototype;
      for (const name of scanner.getAllMethodNames(proto)) {
        const handler = proto[name];
        const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (paths === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        for (const prefix of prefixes) {
          for (const path of [paths].flat()) {
            routes.push({
              method,
              path: joinPath(prefix, path),
              where: `${controller.name}.${name}`,
              roles: own<Role[]>(ROLES_KEY, handler, controller),
              isPublic: own<boolean>(PUBLIC_KEY, handler, controller) === true,
              // The audit interceptor reads the handler only.
              audited: Reflect.getMetadata(AUDITED_KEY, handler),
              bodyType: bodyTypeOf(controller, name),
            });
          }
        }
      }
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

/** A concrete URL for a route pattern: each `:param` gets a well-formed value that matches nothing. */
export function fillParams(path: string): string {
  return path
    .replace(/:(\w+)/g, (_, name: string) => {
      if (/nik$/i.test(name)) return '1703000000000001';
      if (/month$/i.test(name)) return '2026-01';
      if (/code$/i.test(name)) return 'TIDAK-ADA';
      return '00000000-0000-4000-8000-000000000000';
    })
    .replace(/\*(\w+)/g, 'tidak-ada');
}

export const describeRoute = (r: RouteInfo) => `${r.method} ${r.path} (${r.where})`;
