import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** This folder and the repository root, absolute. */
export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(BENCH_DIR, '..');
/** The real news pages shared by the project (see their README). */
export const PAGES_DIR = path.resolve(ROOT, '../shared/pages');
