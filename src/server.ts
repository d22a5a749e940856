// Few static imports on purpose: the embedded database starts opening in its own thread before the application's
// code is loaded (early-start.ts), and everything else is imported below, while it opens.
import { abandonEarlyStart, startPgliteEarly } from './db/early-start.js';

const early = startPgliteEarly(process.env);

/**
 * Starts the app and stops it cleanly on SIGTERM/SIGINT: stop accepting, finish requests, close the database. A
 * signal that arrives while the app is still starting is kept until the start is done, then acted on: killing the
 * process halfway (the default for SIGTERM) would leave PGlite's folder without a clean shutdown.
 */
async function main(): Promise<void> {
  const startedAt = performance.now();
  const lifecycle: { stop?: (signal: NodeJS.Signals) => Promise<void>; signalledWhileStarting?: NodeJS.Signals } = {};
  const onSignal = (signal: NodeJS.Signals) => {
    if (lifecycle.stop) void lifecycle.stop(signal);
    else lifecycle.signalledWhileStarting ??= signal;
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  const { loadConfig } = await import('./config.js');
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (early) await abandonEarlyStart(early);
    throw error;
  }
  const [{ openConfiguredDatabase, prepareDatabase }, { buildApp }] = await Promise.all([import('./runtime.js'), import('./app.js')]);
  const database = await openConfiguredDatabase(config, early);
  const loadedAt = performance.now();
  let databaseOpenAt: number | undefined;
  void early?.started.then(({ thread }) => thread.opened).then(() => (databaseOpenAt = performance.now()), () => undefined);
  let app;
  let builtAt = 0;
  try {
    // Built while the database may still be opening: nothing here waits for it until the migrations.
    app = await buildApp(config, database);
    builtAt = performance.now();
    await prepareDatabase(database, config, app.log);
    await app.listen({ port: config.PORT, host: config.HOST });
    // Expired sessions are refused on sight; this only keeps the table small. unref: it never holds the process up.
    const running = app;
    setInterval(() => {
      running.services.sessions.purgeExpired().catch((error: unknown) => running.log.warn({ err: error }, 'purging sessions failed'));
    }, 10 * 60_000).unref();
    if (early) {
      // PGlite aborting in its thread leaves nothing to serve: exit, so that a supervisor starts the server again.
      (await early.started).thread.onLost = (error) => {
        running.log.fatal({ err: error }, 'the database thread stopped');
        process.exit(1);
      };
    }
    const { ensureFirstBeheerders, formatFirstLogins } = await import('./modules/beheer/first-beheerder.js');
    const firstLogins = await ensureFirstBeheerders(database.db, app.services.gebruikers, config);
    // Printed, not logged: log lines end up in log stores, and this password is for the person at the console.
    if (firstLogins.length > 0) {
      const base = config.PUBLIC_URL?.replace(/\/$/, '') ?? `http://${config.HOST}:${config.PORT}`;
      process.stdout.write(formatFirstLogins(firstLogins, `${base}/inloggen`));
    }
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw error;
  }
  app.log.info(
    {
      engine: database.engine,
      startupMs: Math.round(performance.now() - startedAt),
      // Where start-up time goes: loading the code, building the app, then migrations, demo data and listening.
      // The embedded database opens in its thread meanwhile; `databaseOpen` is when it was ready.
      phasesMs: {
        load: Math.round(loadedAt - startedAt),
        build: Math.round(builtAt - loadedAt),
        prepareAndListen: Math.round(performance.now() - builtAt),
        ...(databaseOpenAt === undefined ? {} : { databaseOpen: Math.round(databaseOpenAt - startedAt) }),
      },
      processUptimeMs: Math.round(process.uptime() * 1000),
    },
    `LEA-platform draait op http://${config.HOST}:${config.PORT}`,
  );

  let stopping = false;
  lifecycle.stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping');
    const forced = setTimeout(() => {
      app.log.error('graceful shutdown took too long; exiting');
      process.exit(1);
    }, 10_000);
    forced.unref();
    try {
      await app.close();
      await database.close();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'error while stopping');
      process.exit(1);
    }
  };
  if (lifecycle.signalledWhileStarting) await lifecycle.stop(lifecycle.signalledWhileStarting);
}

main().catch((error: unknown) => {
  if (error instanceof Error && error.name === 'ConfigError') {
    console.error(error.message);
  } else {
    console.error('LEA-platform kon niet starten:', error instanceof Error ? error.message : error);
    if (error instanceof Error && error.name !== 'DataDirInUseError') console.error(error.stack);
  }
  process.exit(1);
});
