// HTTP for the inventory: capacity, availability, pools, holds.
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/connect.ts';

export interface InventoryDeps {
  database: Database;
}

export async function inventoryRoutes(_app: FastifyInstance, _deps: InventoryDeps): Promise<void> {}
