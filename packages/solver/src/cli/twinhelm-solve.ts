#!/usr/bin/env -S npx tsx
import { solveCommand } from './solve-command';

process.exitCode = await solveCommand(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
