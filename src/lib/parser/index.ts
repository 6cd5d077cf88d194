export { parsePage } from './parse-page';
export type { PageMeta, ParseOptions, ParsedPage } from './parse-page';
