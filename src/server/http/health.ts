// GET /api/health: is the server up, which database, which migration.

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { sql } from 'kysely';
import { Type } from 'typebox';
import type { Database } from '../db/connect.ts';
import { appliedMigration } from '../db/migrate.ts';
import { errorResponses } from './schemas.ts';

export async function healthRoutes(base: FastifyInstance, { database }: { database: Database }) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Health: server, database kind and latest applied migration',
        response: {
          200: Type.Object({
            status: Type.Literal('ok'),
            database: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
            migration: Type.String(),
          }),
          ...errorResponses(503),
        },
      },
    },
    async (_request, untypedReply) => {
      // The 503 answer is a problem body, outside the 200 schema the type provider checks.
      const reply = untypedReply as FastifyReply;
      try {
        await sql`select 1`.execute(database.db);
        const migration = (await appliedMigration(database.db)) ?? '';
        return { status: 'ok' as const, database: database.kind, migration };
      } catch (error) {
        reply.log.error({ err: error }, 'health check failed');
        return reply.code(503).type('application/problem+json').send({
          type: 'about:blank',
          title: 'Service Unavailable',
          status: 503,
          detail: 'the database does not answer',
        });
      }
    },
  );
}
