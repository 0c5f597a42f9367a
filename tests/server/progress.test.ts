import { afterEach, beforeEach, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { LearningEvent } from '../../src/evaluation/learner-state.ts';
import type { LearningEventSchema } from '../../src/server/events.ts';
import { createUser, describeEachDatabase, makeApp, type TestApp, type TestUser } from './helpers.ts';

it('accepts exactly the events the player records', () => {
  expectTypeOf<z.infer<typeof LearningEventSchema>>().toExtend<LearningEvent>();
  expectTypeOf<LearningEvent>().toExtend<z.infer<typeof LearningEventSchema>>();
});

describeEachDatabase('progress events and learner state', (database) => {
  let t: TestApp;
  let user: TestUser;
  beforeEach(async () => {
    t = await makeApp(database);
    user = await createUser(t);
  });
  afterEach(async () => {
    await t.close();
  });

  const send = (events: unknown[], courseId = 'contoh-pelayanan', cookie = user.cookie) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/progress/events',
      headers: { cookie },
      payload: { courseId, events },
    });
  const seen = (key: string, page: string, at: number, material = 'pelayanan') => ({
    key,
    event: { type: 'page-seen', material, page, dwellSeconds: 4, at },
  });

  it('stores each event once however often it is sent, and acknowledges every key', async () => {
    const batch = [
      seen('device-a-0001', 'pengertian-pelayanan', 1000),
      seen('device-a-0002', 'standar-loket', 2000),
    ];
    for (let i = 0; i < 3; i++) {
      const response = await send(batch);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ acknowledged: ['device-a-0001', 'device-a-0002'], rejected: [] });
    }
    const rows = await t.handle.db.selectFrom('events').select('key').execute();
    expect(rows).toHaveLength(2);
  });

  it('rejects a malformed event by key and stores the rest', async () => {
    const response = await send([
      seen('device-a-0001', 'pengertian-pelayanan', 1000),
      {
        key: 'device-a-0002',
        event: { type: 'page-seen', material: 'pelayanan', page: 'Bad Id', dwellSeconds: 1, at: 1 },
      },
      { key: 'device-a-0003', event: { type: 'teleported', at: 1 } },
    ]);
    const body = response.json();
    expect(body.acknowledged).toEqual(['device-a-0001']);
    expect(body.rejected.map((r: { key: string }) => r.key)).toEqual(['device-a-0002', 'device-a-0003']);
    expect(body.rejected[0].message).toMatch(/^page:/);
  });

  it('refuses a batch that is not a batch, with the field named', async () => {
    const tooMany = Array.from({ length: 501 }, (_, i) => seen(`device-a-${1000 + i}`, 'standar-loket', i));
    const response = await send(tooMany);
    expect(response.statusCode).toBe(400);
    expect(response.json().issues[0].path).toBe('body.events');
    const badKey = await send([{ key: 'short', event: {} }]);
    expect(badKey.json().issues[0].path).toBe('body.events.0.key');
    expect((await send([seen('device-a-0001', 'x', 1)], 'no-such-course')).json().code).toBe(
      'COURSE_UNKNOWN',
    );
  });

  it('merges two devices: the union of pages seen and the latest position', async () => {
    await send([
      seen('phone-0000001', 'pengertian-pelayanan', 1000),
      seen('phone-0000002', 'gratifikasi', 5000, 'akuntabel'),
    ]);
    await send([seen('laptop-000001', 'standar-loket', 3000)]);
    const { state } = (
      await t.app.inject({
        url: '/api/v1/progress/state?courseId=contoh-pelayanan',
        headers: { cookie: user.cookie },
      })
    ).json();
    expect(Object.keys(state.pages).sort()).toEqual(['gratifikasi', 'pengertian-pelayanan', 'standar-loket']);
    expect(state.last).toEqual({ material: 'akuntabel', page: 'gratifikasi', at: 5000 });
    expect(state.lastByMaterial).toEqual({ pelayanan: 'standar-loket', akuntabel: 'gratifikasi' });
  });

  it('keeps the same key of two people apart', async () => {
    const other = await createUser(t);
    await send([seen('same-key-0001', 'pengertian-pelayanan', 1000)]);
    await send([seen('same-key-0001', 'standar-loket', 1000)], 'contoh-pelayanan', other.cookie);
    expect(await t.handle.db.selectFrom('events').select('user_id').execute()).toHaveLength(2);
  });
});
