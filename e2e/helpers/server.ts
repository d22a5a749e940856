import { createTestApp, type TestApp } from '../../test/helpers/app.js';

export interface RunningApp extends TestApp {
  baseUrl: string;
}

/** The real app on a real port, on its own copy of the seeded database. */
export async function startApp(overrides: Record<string, string> = {}): Promise<RunningApp> {
  const testApp = await createTestApp(overrides);
  await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  const address = testApp.app.server.address() as { port: number };
  return { ...testApp, baseUrl: `http://127.0.0.1:${address.port}` };
}
