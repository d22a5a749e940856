import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has defaults that run the embedded database in ./data on port 3000', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.DATA_DIR).toBe(path.resolve('./data'));
    expect(config.LOG_LEVEL).toBe('info');
    expect(config.SEED_DEMO_DATA).toBe(true);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads and converts the environment; empty values count as unset', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://lea@db/lea',
      DATA_DIR: '/var/lib/lea',
      SEED_DEMO_DATA: 'false',
      LOG_LEVEL: '',
    });
    expect(config).toMatchObject({ PORT: 8080, DATABASE_URL: 'postgres://lea@db/lea', DATA_DIR: '/var/lib/lea', SEED_DEMO_DATA: false });
    expect(config.LOG_LEVEL).toBe('info');
  });

  it('stops with one clear Dutch message that names every invalid variable', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'drieduizend', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'luid' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/^Ongeldige configuratie:/);
    expect(message).toContain('PORT');
    expect(message).toContain('DATABASE_URL: moet beginnen met postgres:// of postgresql://');
    expect(message).toContain('LOG_LEVEL');
  });
});
