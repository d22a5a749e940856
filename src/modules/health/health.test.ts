import { describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { openSeededDatabase, testConfig } from '../../../test/helpers/app.js';

describe('health checks', () => {
  it('report live and ready, and not ready once the database is gone', async () => {
    const database = await openSeededDatabase();
    const app = await buildApp(testConfig(), database);
    try {
      const live = await app.inject({ url: '/health/live' });
      expect(live.statusCode).toBe(200);
      expect(JSON.parse(live.body)).toEqual({ status: 'ok' });
      const ready = await app.inject({ url: '/health/ready' });
      expect(ready.statusCode).toBe(200);
      expect(JSON.parse(ready.body)).toEqual({ status: 'ok', database: database.engine });

      await database.close();
      const gone = await app.inject({ url: '/health/ready' });
      expect(gone.statusCode).toBe(503);
      expect((await app.inject({ url: '/health/live' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
