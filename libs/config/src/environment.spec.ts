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

  it('checks the funder INN by checksum, the 360Giving prefix, the data license and the CORS origins', () => {
    const config = validateEnvironment({});
    expect(config.FUNDER_INN).toMatch(/^\d{10}$/);
    expect(config.GRANTS_360_PREFIX).toMatch(/^360G-/);
    expect(config.GRANTS_360_LICENSE).toMatch(/^https:\/\//);
    expect(config.CORS_ORIGINS).toBe('');
    expect(() => validateEnvironment({ FUNDER_INN: '2454001008' })).toThrow(/FUNDER_INN/);
    expect(() => validateEnvironment({ FUNDER_INN: '245400100' })).toThrow(/FUNDER_INN/);
    expect(() => validateEnvironment({ GRANTS_360_PREFIX: 'XI-RC-LESOSIBIRSK' })).toThrow(/GRANTS_360_PREFIX/);
    expect(() => validateEnvironment({ GRANTS_360_LICENSE: 'CC-BY' })).toThrow(/GRANTS_360_LICENSE/);
    expect(() => validateEnvironment({ CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS/);
    expect(() => validateEnvironment({ CORS_ORIGINS: 'portal.example.org' })).toThrow(/CORS_ORIGINS/);
    const cors = validateEnvironment({ CORS_ORIGINS: 'https://a.example.org, http://localhost:5173' });
    expect(cors.CORS_ORIGINS).toBe('https://a.example.org, http://localhost:5173');
  });

  it('has no JWT secret default in production', () => {
    expect(() => validateEnvironment({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(validateEnvironment({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).JWT_SECRET).toHaveLength(32);
  });

  it('stores documents on local disk by default and asks for the S3 settings only with the s3 driver', () => {
    const local = validateEnvironment({});
    expect(local.STORAGE_DRIVER).toBe('local');
    expect(local.UPLOAD_MAX_MB).toBe(20);
    expect(() => validateEnvironment({ STORAGE_DRIVER: 's3' })).toThrow(/S3_BUCKET[\s\S]*S3_ACCESS_KEY_ID/);
    const s3 = validateEnvironment({
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_BUCKET: 'grants-documents',
      S3_ACCESS_KEY_ID: 'key',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_FORCE_PATH_STYLE: 'true',
    });
    expect(s3.S3_FORCE_PATH_STYLE).toBe(true);
    expect(() => validateEnvironment({ S3_FORCE_PATH_STYLE: 'yes' })).toThrow(/S3_FORCE_PATH_STYLE/);
    expect(() => validateEnvironment({ UPLOAD_MAX_MB: '0' })).toThrow(/UPLOAD_MAX_MB/);
  });
});
