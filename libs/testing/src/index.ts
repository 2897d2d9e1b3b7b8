export * from './test-context';
export * from './http-client';
export * from './smtp-sink';
export * from './factories';
export * from './competition-factories';
export * from './tcp-proxy';
