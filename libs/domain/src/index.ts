export * from './allocation';
export * from './catalog';
export * from './money';
export * from './orders';
export * from './product-lifecycle';
export * from './regions';
export * from './resident-id';
export * from './uscc';
