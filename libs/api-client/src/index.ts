export type { paths, components } from './schema';
