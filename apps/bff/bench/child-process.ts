import { fork, type ChildProcess } from 'node:child_process';

export interface BenchChild<Command, Report> {
  process: ChildProcess;
  pid: number;
  send(command: Command): void;
  /** The next report matching `accept`; rejects if the child exits first or after `ms`. */
  next<R extends Report>(
    accept: (report: Report) => report is R,
    ms: number,
    what: string,
  ): Promise<R>;
  kill(): void;
}

/** Forks a bench script (TypeScript, through the same tsx loader) with typed IPC. */
export function forkBenchChild<Command, Report>(file: string): BenchChild<Command, Report> {
  const child = fork(new URL(file, import.meta.url).pathname, [], { execArgv: process.execArgv });
  if (child.pid === undefined) throw new Error(`could not start ${file}`);
  const reports: Report[] = [];
  const waiters = new Set<() => void>();
  child.on('message', (report: Report) => {
    reports.push(report);
    for (const wake of waiters) wake();
  });
  child.once('exit', () => {
    for (const wake of waiters) wake();
  });
  return {
    process: child,
    pid: child.pid,
    send: (command) => child.send(command as object),
    next<R extends Report>(accept: (report: Report) => report is R, ms: number, what: string) {
      return new Promise<R>((resolve, reject) => {
        const timer = setTimeout(
          () => finish(new Error(`${file}: no ${what} within ${ms} ms`)),
          ms,
        );
        const finish = (error?: Error, report?: R) => {
          clearTimeout(timer);
          waiters.delete(check);
          if (report) resolve(report);
          else reject(error ?? new Error(`${file}: no ${what}`));
        };
        const check = () => {
          const index = reports.findIndex(accept);
          if (index >= 0) finish(undefined, reports.splice(index, 1)[0] as R);
          else if (child.exitCode !== null || child.signalCode !== null)
            finish(new Error(`${file} exited (code ${child.exitCode}) before its ${what}`));
        };
        waiters.add(check);
        check();
      });
    },
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
