// `POST …/{id}/archive` and `POST …/{id}/restore`, the same pair for every catalog entity and
// for customers: nothing a booking may reference is ever deleted, it is archived (hidden from
// lists and search, kept for existing bookings) and can be restored.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { TSchema } from 'typebox';
import type { Ctx } from '../../context.ts';
import type { Database } from '../../db/connect.ts';
import type { Role } from '../../db/schema.ts';
import { contextOf } from '../../http/auth.ts';
import { errorResponses, IdParams } from '../../http/schemas.ts';
import { catalogEditors } from './common.ts';

export interface ArchiveRoutes {
  database: Database;
  /** The entity's path with `:id`, e.g. `/api/v1/tours/:id`. */
  path: string;
  tag: string;
  /** The response schema (usually a `Type.Ref` to the entity). */
  response: TSchema;
  archiveSummary: string;
  restoreSummary: string;
  setArchived: (ctx: Ctx, id: string, archived: boolean) => Promise<unknown>;
  /** Who may archive and restore; the catalog's editors unless given. */
  access?: readonly Role[];
}

export function registerArchiveRoutes(base: FastifyInstance, options: ArchiveRoutes): void {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  for (const [action, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    app.post(
      `${options.path}/${action}`,
      {
        config: { access: options.access ?? catalogEditors },
        schema: {
          tags: [options.tag],
          summary: archived ? options.archiveSummary : options.restoreSummary,
          params: IdParams,
          response: { 200: options.response, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        options.setArchived(contextOf(request, options.database), request.params.id, archived),
    );
  }
}
