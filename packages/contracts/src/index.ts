export * from './ids';
export * from './auth';
export * from './assets';
export * from './network';
export * from './telemetry';
export * from './twin';
export * from './socket';
export * from './api';
