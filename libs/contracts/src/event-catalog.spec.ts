import 'reflect-metadata';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import type { DynamicModule, Type } from '@nestjs/common';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { SERVICES } from '@app/config';
import { BUS_SERVICES, EVENT_CATALOG, Events, ROUTING_KEYS, consumedBy, eventCatalogEntries, isRoutingKey } from '@app/contracts';
import type { BusService, RoutingKey } from '@app/contracts';
// The services themselves, as `npm start` composes them: their modules carry the handlers the bus binds.
import { ALL_SERVICES } from '../../../apps/all-in-one/src/services';

const ROOT = path.resolve(__dirname, '../../..');

type ModuleLike = Type<unknown> | DynamicModule | Promise<DynamicModule> | { forwardRef: () => unknown } | undefined;

/** Every controller class reachable from a module: its own (static or dynamic) and those of its imports. */
async function controllersOf(entry: ModuleLike, seen = new Set<unknown>()): Promise<Type<unknown>[]> {
  const resolved = await entry;
  if (!resolved) return [];
  if (typeof resolved === 'object' && 'forwardRef' in resolved) return controllersOf(resolved.forwardRef() as ModuleLike, seen);
  if (seen.has(resolved)) return [];
  seen.add(resolved);
  const cls = typeof resolved === 'function' ? resolved : resolved.module;
  const dynamic = typeof resolved === 'function' ? undefined : resolved;
  const controllers: Type<unknown>[] = [...((Reflect.getMetadata('controllers', cls) as Type<unknown>[] | undefined) ?? []), ...(dynamic?.controllers ?? [])];
  const imports = [...((Reflect.getMetadata('imports', cls) as ModuleLike[] | undefined) ?? []), ...((dynamic?.imports ?? []) as ModuleLike[])];
  for (const imported of imports) controllers.push(...(await controllersOf(imported, seen)));
  return controllers;
}

/** The patterns of a controller's `@EventPattern` methods, read from the metadata Nest's BusServer binds with. */
function eventPatternsOf(controller: Type<unknown>): string[] {
  const proto = controller.prototype as Record<string, unknown>;
  const patterns: string[] = [];
  for (const name of Object.getOwnPropertyNames(proto)) {
    const method = Object.getOwnPropertyDescriptor(proto, name)?.value;
    if (typeof method !== 'function' || name === 'constructor') continue;
    const metadata = Reflect.getMetadata(PATTERN_METADATA, method) as unknown[] | undefined;
    for (const pattern of metadata ?? []) patterns.push(String(pattern));
  }
  return patterns;
}

/** The routing keys each service's handlers declare, from Nest metadata of its module tree. */
async function declaredConsumers(): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  for (const definition of ALL_SERVICES) {
    const module = definition.module(definition.readConfig({ JWT_SECRET: 'event-catalog-spec-secret-0123456789' }));
    const controllers = await controllersOf(module);
    result.set(definition.name, [...new Set(controllers.flatMap(eventPatternsOf))].sort());
  }
  return result;
}

/** `@EventPattern<...>(Events.X ...)` occurrences in a service's sources: the second, independent reading. */
function scannedConsumers(service: string): string[] {
  const keys = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
        for (const match of readFileSync(full, 'utf8').matchAll(/@EventPattern(?:<[^>]*>)?\(\s*(?:Events\.(\w+)|'([^']+)')/g)) {
          keys.add(match[1] ? Events[match[1] as keyof typeof Events] : match[2]);
        }
      }
    }
  };
  walk(path.join(ROOT, 'apps', service, 'src'));
  return [...keys].sort();
}

describe('event catalog', () => {
  let declared: Map<string, string[]>;

  beforeAll(async () => {
    declared = await declaredConsumers();
  });

  it('describes every routing key of Events, in its order, under its own name', () => {
    expect(eventCatalogEntries().map((e) => e.routingKey)).toEqual(ROUTING_KEYS);
    for (const [name, key] of Object.entries(Events)) {
      const entry = EVENT_CATALOG[key];
      expect({ key, name: entry.name, routingKey: entry.routingKey }).toEqual({ key, name, routingKey: key });
      expect(entry.summary.length).toBeGreaterThan(10);
      expect(entry.producers.length).toBeGreaterThan(0);
      expect(entry.payloadType).toMatch(/^[A-Z]\w+Payload$/);
    }
  });

  it('names the same services as the configuration', () => {
    expect([...BUS_SERVICES].sort()).toEqual(Object.keys(SERVICES).sort());
    expect(ALL_SERVICES.map((s) => s.name).sort()).toEqual([...BUS_SERVICES].sort());
  });

  it("lists as consumers exactly the services whose handlers declare the key (Nest metadata of each service's modules)", () => {
    for (const service of BUS_SERVICES) {
      const handlers = declared.get(service) ?? [];
      expect(handlers.every(isRoutingKey)).toBe(true);
      expect({ service, consumes: consumedBy(service).sort() }).toEqual({ service, consumes: handlers });
    }
  });

  it('agrees with a scan of the sources for @EventPattern decorators (so the metadata walk missed no module)', () => {
    for (const service of BUS_SERVICES) {
      expect({ service, handlers: declared.get(service) }).toEqual({ service, handlers: scannedConsumers(service) });
    }
  });

  it('has every event consumed by someone and never consumed by its only producer', () => {
    for (const entry of eventCatalogEntries()) {
      expect({ key: entry.routingKey, consumers: entry.consumers.length > 0 }).toEqual({ key: entry.routingKey, consumers: true });
      const selfOnly = entry.consumers.filter((c: BusService) => entry.producers.length === 1 && entry.producers[0] === c);
      expect({ key: entry.routingKey, selfOnly }).toEqual({ key: entry.routingKey, selfOnly: [] });
    }
    const keys: RoutingKey[] = Object.values(Events);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
