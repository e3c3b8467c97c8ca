/** The BFF's log: one line per event, with a level filter from env (LOG_LEVEL). */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type Logger = (level: LogLevel, message: string) => void;

const ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export function createLogger(minimum: LogLevel, scope: string): Logger {
  return (level, message) => {
    if (ORDER[level] < ORDER[minimum]) return;
    const line = `${new Date().toISOString()} ${level.padEnd(5)} [${scope}] ${message}`;
    if (level === 'error' || level === 'warn') console.error(line);
    else console.log(line);
  };
}
