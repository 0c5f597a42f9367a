// The baseline of bench/server.ts: Fastify with nothing but a JSON route answering like the progress
// endpoint, so the ratio shows what sessions, validation and the durable write cost.
import Fastify from 'fastify';

const app = Fastify({ bodyLimit: 1024 * 1024 });
app.post('/bare', async (request) => ({
  acknowledged: (request.body as { events: { key: string }[] }).events.map((e) => e.key),
  rejected: [],
}));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('bare server is running at');
