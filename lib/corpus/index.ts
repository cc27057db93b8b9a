export * from './bundle';
export * from './build';
export * from './catalog';
export * from './fields';
export { CorpusError } from './passages';
export { passageId } from './hash';
