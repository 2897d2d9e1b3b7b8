import { validateEnvironment } from './environment';

describe('validateEnvironment', () => {
  it('applies defaults that work on a developer machine', () => {
    const config = validateEnvironment({});
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/grants');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.PORT).toBe(3000);
    expect(config.JWT_SECRET).toBeTruthy();
  });

  it('names the invalid variable', () => {
    expect(() => validateEnvironment({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => validateEnvironment({ REDIS_URL: 'localhost' })).toThrow(/REDIS_URL/);
    expect(() => validateEnvironment({ QUEUE_PREFIX: 'has space' })).toThrow(/QUEUE_PREFIX/);
    expect(validateEnvironment({ QUEUE_PREFIX: '{grants}' }).QUEUE_PREFIX).toBe('{grants}');
  });

  it('has no JWT secret default in production', () => {
    expect(() => validateEnvironment({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(validateEnvironment({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).JWT_SECRET).toHaveLength(32);
  });
});
