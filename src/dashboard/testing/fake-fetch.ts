import type { Fetch } from '../api/client.ts';

// A stand-in for the server in unit tests: answers by "METHOD /path" and records every request.

export interface Call {
  method: string;
  url: string;
  body: unknown;
  headers: Record<string, string>;
}

export type Answer = { status?: number; body?: unknown; headers?: Record<string, string> } | Error;

export function fakeFetch(routes: Record<string, Answer | ((call: Call) => Answer | Promise<Answer>)>): {
  fetch: Fetch;
  calls: Call[];
} {
  const calls: Call[] = [];
  const fetch: Fetch = async (input, init = {}) => {
    const url = String(input);
    const method = init.method ?? 'GET';
    const headers = (init.headers ?? {}) as Record<string, string>;
    const raw = init.body;
    const body =
      typeof raw === 'string' && headers['content-type'] === 'application/json' ? JSON.parse(raw) : raw;
    const call = { method, url, body, headers };
    calls.push(call);
    const path = url.split('?')[0];
    const route = routes[`${method} ${url}`] ?? routes[`${method} ${path}`];
    if (!route)
      return new Response(JSON.stringify({ code: 'NOT_FOUND', message: 'no route' }), { status: 404 });
    const answer = typeof route === 'function' ? await route(call) : route;
    if (answer instanceof Error) throw answer;
    const status = answer.status ?? 200;
    return new Response(status === 204 ? null : JSON.stringify(answer.body ?? {}), {
      status,
      headers: { 'content-type': 'application/json', ...answer.headers },
    });
  };
  return { fetch, calls };
}
