// @ts-check
// Worker thread bootstrap of the solver pool: plain ESM so it starts under node, tsx, vitest
// and a bundled server alike. It loads the compiled worker body when there is one, and the
// TypeScript source through tsx's loader otherwise.
try {
  await import(new URL('./solver-worker-main.js', import.meta.url).href);
} catch (error) {
  const code = /** @type {{ code?: string }} */ (error).code;
  if (code !== 'ERR_MODULE_NOT_FOUND') throw error;
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('./solver-worker-main.ts', import.meta.url).href);
}
