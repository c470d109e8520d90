import type { FastifyInstance } from 'fastify';
import type { CatalogDeps } from './routes.ts';

export async function extraServiceRoutes(_app: FastifyInstance, _deps: CatalogDeps): Promise<void> {}
