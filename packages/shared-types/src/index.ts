export * from './roles';
export * from './household';
export * from './errors';
export * from './flow';
export * from './binding';
export * from './api';
export * from './catalog';
export * from './orders';
