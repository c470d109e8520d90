// HTTP for the catalog: one file of routes per kind of product, registered here.
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/connect.ts';
import { accommodationRoutes } from './accommodation-routes.ts';
import { attractionRoutes } from './attraction-routes.ts';
import { extraServiceRoutes } from './extra-service-routes.ts';
import { searchRoutes } from './search-routes.ts';
import { supplierRoutes } from './supplier-routes.ts';
import { tourRoutes } from './tour-routes.ts';
import { transportRoutes } from './transport-routes.ts';

export interface CatalogDeps {
  database: Database;
}

export async function catalogRoutes(app: FastifyInstance, deps: CatalogDeps): Promise<void> {
  await supplierRoutes(app, deps);
  await accommodationRoutes(app, deps);
  await tourRoutes(app, deps);
  await transportRoutes(app, deps);
  await attractionRoutes(app, deps);
  await extraServiceRoutes(app, deps);
  await searchRoutes(app, deps);
}
