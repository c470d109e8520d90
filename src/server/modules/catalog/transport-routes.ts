import type { FastifyInstance } from 'fastify';
import type { CatalogDeps } from './routes.ts';

export async function transportRoutes(_app: FastifyInstance, _deps: CatalogDeps): Promise<void> {}
