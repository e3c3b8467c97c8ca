// @ts-check
// Worker thread of computeBands: computes one range of rows into the shared output, then says so.
import { parentPort, workerData } from 'node:worker_threads';
import { bandRows } from './band-quantiles.mjs';

bandRows(/** @type {import('./band-quantiles.mjs').BandJob} */ (workerData));
parentPort?.postMessage('done');
