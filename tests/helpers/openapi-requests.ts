// Requests for every operation of the OpenAPI document, valid in shape, with one part made
// hostile: the shapes fuzzing once turned into 5xx (deep nesting, unpaired surrogates, NUL,
// blank-after-trim text, bad percent-encoding, long path parameters).

type Schema = Record<string, unknown>;

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The OpenAPI path, e.g. `/api/v1/bookings/{id}`. */
  path: string;
  pathParams: { name: string; schema: Schema }[];
  queryParams: { name: string; schema: Schema; required: boolean }[];
  /** The JSON body's schema, when the operation takes one. */
  body: Schema | null;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, Schema>>;
  components?: { schemas?: Record<string, Schema> };
}

export function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, raw] of Object.entries(item)) {
      const parameters = (raw.parameters ?? []) as {
        in: string;
        name: string;
        schema: Schema;
        required?: boolean;
      }[];
      const content = (raw.requestBody as { content?: Record<string, { schema: Schema }> })
        ?.content;
      operations.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        pathParams: parameters.filter((p) => p.in === 'path'),
        queryParams: parameters
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, schema: p.schema, required: p.required === true })),
        body: content?.['application/json']?.schema ?? null,
      });
    }
  }
  return operations;
}

/** A value the schema accepts where that is easy to tell (formats, enums, bounds). */
export function sampleOf(
  document: OpenApiDocument,
  schema: Schema,
  depth = 0,
  options: { requiredOnly?: boolean } = {},
): unknown {
  const ref = schema.$ref;
  if (typeof ref === 'string') {
    const name = ref.replace('#/components/schemas/', '');
    return sampleOf(document, document.components?.schemas?.[name] ?? {}, depth, options);
  }
  if (depth > 12) return null;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum.find((v) => v !== null) ?? null;
  if ('default' in schema && schema.default !== undefined) return schema.default;
  const branches = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (branches) {
    const branch = branches.find((b) => b.type !== 'null') ?? branches[0] ?? {};
    return sampleOf(document, branch, depth + 1, options);
  }
  if (Array.isArray(schema.allOf)) {
    return Object.assign(
      {},
      ...(schema.allOf as Schema[]).map((part) => sampleOf(document, part, depth + 1, options)),
    );
  }
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const type = types.find((t) => t !== 'null') ?? (schema.properties ? 'object' : undefined);
  switch (type) {
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      const required = new Set((schema.required ?? []) as string[]);
      return Object.fromEntries(
        Object.entries(properties)
          .filter(([key]) => !options.requiredOnly || required.has(key))
          .map(([key, value]) => [key, sampleOf(document, value, depth + 1, options)]),
      );
    }
    case 'array': {
      const count = Math.max(1, Number(schema.minItems ?? 1));
      const items = (schema.items ?? {}) as Schema;
      return Array.from({ length: count }, () => sampleOf(document, items, depth + 1, options));
    }
    case 'integer':
    case 'number':
      return (
        Number(schema.minimum ?? schema.exclusiveMinimum ?? 0) + (type === 'integer' ? 1 : 0.5)
      );
    case 'boolean':
      return true;
    case 'string':
      return sampleString(schema);
    default:
      return null;
  }
}

function sampleString(schema: Schema): string {
  switch (schema.format) {
    case 'uuid':
      return '00000000-0000-4000-8000-000000000000';
    case 'date':
      return '2031-07-01';
    case 'date-time':
      return '2031-07-01T10:00:00.000Z';
    case 'email':
      return 'someone@example.test';
    case 'uri':
      return 'https://example.test/';
    default:
      break;
  }
  if (typeof schema.example === 'string') return schema.example;
  const min = Number(schema.minLength ?? 0);
  const max = Number(schema.maxLength ?? 200);
  const pattern = typeof schema.pattern === 'string' ? new RegExp(schema.pattern, 'u') : null;
  const fits = (value: string) =>
    [...value].length >= min && [...value].length <= max && (!pattern || pattern.test(value));
  return patternCandidates.find(fits) ?? 'Sample text'.padEnd(min, 'x').slice(0, Math.max(min, 1));
}

/** Values that satisfy the patterns our schemas use (colours, codes, times, rates, IBANs…). */
const patternCandidates = [
  'Sample text',
  'A1',
  'CZ',
  'EUR',
  'slug-1',
  '10:00',
  '2031-07',
  '21',
  '0.5',
  '#1f4e79',
  'CZ12345678',
  'DEUTDEFF',
  'CZ6508000000192000145399',
  'x',
];

/** JSON Pointers of the free-text strings in a sample (no format, enum or pattern but \S). */
export function textLeavesOf(
  document: OpenApiDocument,
  schema: Schema,
  pointer = '',
  depth = 0,
  leafKind: 'text' | 'number' = 'text',
): string[] {
  const ref = schema.$ref;
  if (typeof ref === 'string') {
    const name = ref.replace('#/components/schemas/', '');
    return textLeavesOf(
      document,
      document.components?.schemas?.[name] ?? {},
      pointer,
      depth,
      leafKind,
    );
  }
  if (depth > 12 || 'const' in schema || Array.isArray(schema.enum)) return [];
  const branches = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (branches) {
    const branch = branches.find((b) => b.type !== 'null') ?? {};
    return textLeavesOf(document, branch, pointer, depth + 1, leafKind);
  }
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const type = types.find((t) => t !== 'null') ?? (schema.properties ? 'object' : undefined);
  if (type === 'object') {
    return Object.entries((schema.properties ?? {}) as Record<string, Schema>).flatMap(
      ([key, value]) => textLeavesOf(document, value, `${pointer}/${key}`, depth + 1, leafKind),
    );
  }
  if (type === 'array') {
    return textLeavesOf(
      document,
      (schema.items ?? {}) as Schema,
      `${pointer}/0`,
      depth + 1,
      leafKind,
    );
  }
  if (leafKind === 'number') return type === 'integer' || type === 'number' ? [pointer] : [];
  const free = schema.format === undefined && (schema.pattern ?? '\\S') === '\\S';
  return type === 'string' && free ? [pointer] : [];
}

/** A copy of `value` with the node at `pointer` (a path `textLeavesOf` gave) replaced. */
export function replaceAt(value: unknown, pointer: string, replacement: unknown): unknown {
  if (pointer === '') return replacement;
  const [head, ...rest] = pointer.slice(1).split('/');
  const key = head as string;
  const tail = rest.length ? `/${rest.join('/')}` : '';
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[Number(key)] = replaceAt(copy[Number(key)], tail, replacement);
    return copy;
  }
  const record = value !== null && typeof value === 'object' ? value : {};
  return {
    ...record,
    [key]: replaceAt((record as Record<string, unknown>)[key], tail, replacement),
  };
}

/** Nested arrays `levels` deep around `inner`, as JSON text (no recursion to build it). */
export function nestedJson(levels: number, inner = '1'): string {
  return `${'['.repeat(levels)}${inner}${']'.repeat(levels)}`;
}

/** Hostile free-text values: each once made a write fail with a 500 or changed it silently. */
export const hostileTexts = {
  surrogate: 'ab\ud800',
  lowSurrogate: '\udc00ab',
  nul: 'a\u0000b',
  blank: '   ',
  blankUnicode: ' \t\u00a0\u3000',
  long: 'x'.repeat(5000),
} as const;

/** Hostile query values, already percent-encoded as a client would send them. */
export const hostileQueryValues = [
  '%ED%A0%80', // an unpaired surrogate, UTF-8 encoded: invalid UTF-8
  '%C3%28', // invalid UTF-8
  '%00', // NUL
  '%20%20%20', // blank after trim
  '%', // a lone percent sign
  'x'.repeat(3000),
] as const;
