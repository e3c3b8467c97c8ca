import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** C-Town's .inp text (the product's copy, data/networks). */
export const CTOWN = readFileSync(
  resolve(import.meta.dirname, '../../../../../data/networks/CTOWN.INP'),
  'utf8',
);
