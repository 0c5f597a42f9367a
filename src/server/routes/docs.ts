import type { FastifyInstance, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { z } from 'zod';
import { ERRORS } from '../errors.ts';

// GET /api/docs: the API as OpenAPI 3.1, built from the routes' own zod schemas, so it cannot drift
// from what the server validates.

type Collected = Pick<RouteOptions, 'method' | 'url' | 'schema'>;

function toSchema(schema: unknown): unknown {
  return schema instanceof z.ZodType
    ? z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' })
    : undefined;
}

function parameters(where: 'path' | 'query', schema: unknown) {
  const json = toSchema(schema) as { properties?: Record<string, unknown>; required?: string[] } | undefined;
  return Object.entries(json?.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (json?.required ?? []).includes(name),
    schema: s,
  }));
}

export function openApiDocument(routes: Collected[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    if (!route.url.startsWith('/api/') || route.url === '/api/docs') continue;
    const path = route.url.replace(/:(\w+)/g, '{$1}');
    const schema = (route.schema ?? {}) as Record<string, unknown>;
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== 'HEAD');
    for (const method of methods) {
      const body = toSchema(schema.body);
      paths[path] ??= {};
      paths[path][method.toLowerCase()] = {
        summary: schema.summary,
        parameters: [...parameters('path', schema.params), ...parameters('query', schema.querystring)],
        ...(body
          ? { requestBody: { required: true, content: { 'application/json': { schema: body } } } }
          : {}),
        responses: {
          default: {
            description: 'Error',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
          },
        },
      };
    }
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Lentera API', version },
    paths,
    components: {
      schemas: {
        Error: {
          type: 'object',
          required: ['statusCode', 'code', 'error', 'message'],
          properties: {
            statusCode: { type: 'integer' },
            code: { enum: Object.keys(ERRORS) },
            error: { type: 'string' },
            message: { type: 'string' },
            issues: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  path: { type: 'string' },
                  code: { type: 'string' },
                  message: { type: 'string' },
                },
              },
            },
          },
        },
      },
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: '__Host-lentera' } },
    },
  };
}

async function docs(app: FastifyInstance): Promise<void> {
  const routes: Collected[] = [];
  app.addHook('onRoute', (route) => {
    routes.push({ method: route.method, url: route.url, schema: route.schema });
  });
  let document: unknown;
  app.get('/api/docs', { schema: { summary: 'This API as OpenAPI 3.1' } }, async () => {
    document ??= openApiDocument(routes, app.lentera.version);
    return document;
  });
}

export default fp(docs, { name: 'lentera-docs' });
