export * from './mail.errors';
export * from './mail.formatters';
export * from './template-renderer';
export * from './mail-transport';
export * from './mail.module';
