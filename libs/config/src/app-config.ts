import { AppConfigValues, validateEnvironment } from './environment';

/** Injectable, validated configuration. Built once per process from the environment. */
export class AppConfig {
  constructor(readonly values: AppConfigValues) {}

  static fromEnvironment(overrides: Partial<Record<keyof AppConfigValues, string>> = {}): AppConfig {
    return new AppConfig(validateEnvironment({ ...process.env, ...overrides }));
  }

  get isProduction(): boolean {
    return this.values.NODE_ENV === 'production';
  }
}
