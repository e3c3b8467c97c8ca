/**
 * Builds a ~15k-element synthetic network in a NullEngine and prints what it costs:
 * build time, meshes, draw calls (counted from active meshes), JS time per frame and the
 * time to apply deltas of 1,000 changes. Prints numbers; asserts nothing.
 */
import { NullEngine } from '@babylonjs/core/Engines/nullEngine';
import type { TwinDelta } from '@twinhelm/contracts';
import { SceneController } from '../src/scene-controller';
import { largeNetwork } from '../src/testing/grid-network';

const network = largeNetwork();
const engine = new NullEngine({
  renderWidth: 1280,
  renderHeight: 720,
  textureSize: 256,
  deterministicLockstep: false,
  lockstepMaxSteps: 1,
});
const controller = new SceneController(engine, { renderLoop: false, labels: false });

const buildMs: number[] = [];
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  controller.load(network);
  buildMs.push(performance.now() - t0);
}
for (let i = 0; i < 30; i++) controller.renderFrame();
const stats = controller.getStats();

const linkIds = network.links.map((l) => l.id);
const nodeIds = network.nodes.map((n) => n.id);
let ts = 1;
function makeDelta(round: number): TwinDelta['changes'] {
  const changes: TwinDelta['changes'] = {};
  for (let i = 0; i < 500; i++) {
    const link = linkIds[(round * 977 + i * 13) % linkIds.length] as string;
    const node = nodeIds[(round * 631 + i * 7) % nodeIds.length] as string;
    changes[link] = { flow: { v: Math.sin(round + i) * 40, ts } };
    changes[node] = { pressure: { v: 30 + Math.cos(round + i) * 25, ts } };
  }
  ts++;
  return changes;
}
const deltas = Array.from({ length: 50 }, (_, r) => makeDelta(r));
const applyTimes: number[] = [];
for (const delta of deltas) {
  const start = performance.now();
  controller.applyDeltas(delta);
  applyTimes.push(performance.now() - start);
  controller.renderFrame();
}
applyTimes.sort((a, b) => a - b);
const median = applyTimes[Math.floor(applyTimes.length / 2)] ?? 0;
const p95 = applyTimes[Math.floor(applyTimes.length * 0.95)] ?? 0;
const afterDeltas = controller.getStats();

// Scrubbing a prediction: every asset gets pressure/flow/level values, ~10 calls a second.
type OverlayValues = Parameters<SceneController['showOverlay']>[0]['values'];
const overlays: OverlayValues[] = Array.from({ length: 30 }, (_, r) => {
  const values: Record<string, { pressure?: number; flow?: number }> = {};
  for (const id of nodeIds) values[id] = { pressure: 30 + Math.sin(r + id.length) * 30 };
  for (const id of linkIds) values[id] = { flow: Math.cos(r + id.length) * 40 };
  return values;
});
const overlayTimes: number[] = [];
const meshesBefore = controller.getStats().totalMeshes;
for (const [r, values] of overlays.entries()) {
  const start = performance.now();
  controller.showOverlay({ kind: 'prediction', label: `+${r * 15} min`, values });
  overlayTimes.push(performance.now() - start);
  controller.renderFrame();
}
overlayTimes.sort((a, b) => a - b);
const overlayStats = controller.getStats();
controller.highlightAssets(
  linkIds.slice(0, 40).map((assetId, i) => ({ assetId, role: i % 2 ? 'close' : 'affected' })),
);
for (let i = 0; i < 10; i++) controller.renderFrame();
const highlighted = controller.getStats();
controller.clearHighlights();

// 500 alarm badges (all priorities, counts 1–12, a third unacknowledged and blinking).
const priorities = ['critical', 'high', 'medium', 'low'] as const;
const assetIds = [...nodeIds, ...linkIds];
const badgeSets = Array.from({ length: 20 }, (_, r) =>
  Array.from({ length: 500 }, (_, i) => ({
    assetId: assetIds[(i * 29 + r * 7) % assetIds.length] as string,
    priority: priorities[(i + r) % 4] ?? 'low',
    count: ((i + r) % 12) + 1,
    unacknowledged: (i + r) % 3 === 0,
  })),
);
for (let i = 0; i < 30; i++) controller.renderFrame();
const beforeBadges = controller.getStats();
const badgeTimes: number[] = [];
for (const badges of badgeSets) {
  const start = performance.now();
  controller.showAlarmBadges(badges);
  badgeTimes.push(performance.now() - start);
  controller.renderFrame();
}
for (let i = 0; i < 60; i++) controller.renderFrame();
badgeTimes.sort((a, b) => a - b);
const badged = controller.getStats();

console.log(
  `network: ${network.nodes.length} nodes + ${network.links.length} links = ${network.nodes.length + network.links.length} elements`,
);
console.log(
  `build: ${buildMs.map((ms) => ms.toFixed(0)).join(' / ')} ms (cold, then warm rebuilds)`,
);
console.log(
  `meshes: ${stats.totalMeshes} total, ${stats.activeMeshes} active, ${stats.instanceCount} thin instances`,
);
console.log(`draw calls (${stats.drawCallSource}): ${stats.drawCalls}`);
console.log(
  `JS per frame (NullEngine, no GPU): ${afterDeltas.frameTimeMs.toFixed(2)} ms (mean of the last 60 frames)`,
);
console.log(
  `apply 1,000 changes: median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms (${applyTimes.length} deltas)`,
);
console.log(
  `showOverlay (${nodeIds.length + linkIds.length} assets' values): median ${(overlayTimes[15] ?? 0).toFixed(2)} ms, max ${(overlayTimes.at(-1) ?? 0).toFixed(2)} ms; meshes ${meshesBefore} -> ${overlayStats.totalMeshes} (frame), draw calls ${overlayStats.drawCalls}`,
);
console.log(
  `+ 40 highlights: ${highlighted.totalMeshes} meshes, ${highlighted.drawCalls} draw calls, JS per frame ${highlighted.frameTimeMs.toFixed(2)} ms`,
);

console.log(
  `+ ${badged.alarmBadges} alarm badges: draw calls ${beforeBadges.drawCalls} -> ${badged.drawCalls}, meshes ${beforeBadges.totalMeshes} -> ${badged.totalMeshes}; JS per frame ${beforeBadges.frameTimeMs.toFixed(2)} -> ${badged.frameTimeMs.toFixed(2)} ms; showAlarmBadges(500): first ${(badgeTimes.at(-1) ?? 0).toFixed(2)} ms (max, draws the atlas cells), median ${(badgeTimes[10] ?? 0).toFixed(2)} ms`,
);

controller.dispose();
engine.dispose();
