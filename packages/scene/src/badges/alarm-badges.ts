import type { Camera } from '@babylonjs/core/Cameras/camera';
import { RawTexture } from '@babylonjs/core/Materials/Textures/rawTexture';
import { Texture } from '@babylonjs/core/Materials/Textures/texture';
import { Viewport } from '@babylonjs/core/Maths/math.viewport';
import { Matrix, Vector3 } from '@babylonjs/core/Maths/math.vector';
import type { Scene } from '@babylonjs/core/scene';
import { Sprite } from '@babylonjs/core/Sprites/sprite';
import { SpriteManager } from '@babylonjs/core/Sprites/spriteManager';
import type { AssetVisual } from '../geometry/asset-visual';
import { labelFontPx } from '../interaction/label-layout';
import type { AlarmBadge, AssetMatchReport } from '../scene-api';
import { BADGE_CELL_PX, BadgeAtlas, badgeCell } from './badge-atlas';
import { resolveBadges, type BadgeEntry } from './badge-list';
import { badgePx, blinkLit, MIN_HIT_CSS_PX } from './badge-style';

/** Drawn after everything else with a cleared depth buffer: never hidden by the network. */
const BADGE_GROUP = 2;
const MIN_CAPACITY = 64;
/** Gap between an asset (or its label) and its badge, in badge sizes. */
const GAP = 0.15;

/** What a badge shows now and where (tests, the inspector). */
export interface AlarmBadgeInspection {
  priority: AlarmBadge['priority'];
  count: number;
  unacknowledged: boolean;
  /** false during the hollow half of an unacknowledged badge's blink. */
  solid: boolean;
  /** Sprite cell in the atlas. */
  cell: number;
  /** Centre and size on screen, render pixels; visible false when behind the camera. */
  screen: { x: number; y: number; sizePx: number; visible: boolean };
}

/**
 * Alarm badges: one sprite per asset in a single SpriteManager (one draw call for all),
 * from a sprite sheet rasterised on first use. Each frame `layout` keeps every badge the
 * same size on screen (legible on a wall, tappable on a tablet), floats it above its asset
 * (and above the asset's label) along the camera's up axis, and flips unacknowledged badges
 * between their solid and hollow faces. Picking is done here, in screen space, so a badge
 * wins over what is drawn behind it and the touch target is at least 44 CSS px.
 */
export class AlarmBadges {
  private readonly atlas = new BadgeAtlas();
  private manager: SpriteManager | null = null;
  private texture: RawTexture | null = null;
  private requested: readonly AlarmBadge[] = [];
  private entries: BadgeEntry[] = [];
  /** Per entry: world anchor (x, y, z). */
  private anchors = new Float32Array(0);
  /** Per entry: screen centre x, y, hit half-size (render px), visible 0/1. */
  private screen = new Float32Array(0);
  private sizePx = 0;
  private lit = true;
  private readonly viewport = new Viewport(0, 0, 1, 1);
  private readonly point = new Vector3();
  private readonly projected = new Vector3();

  constructor(
    private readonly scene: Scene,
    private readonly labelled: boolean,
  ) {}

  get count(): number {
    return this.entries.length;
  }

  /** Replace the badges (see resolveBadges for merging and what is skipped). */
  set(badges: readonly AlarmBadge[], assets: ReadonlyMap<string, AssetVisual>): AssetMatchReport {
    this.requested = badges.map((b) => ({ ...b }));
    return this.place(assets);
  }

  /** Put the same badges on a rebuilt network (new positions); unknown ids drop out. */
  rebuild(assets: ReadonlyMap<string, AssetVisual>): void {
    this.place(assets);
  }

  clear(): void {
    this.requested = [];
    this.entries = [];
    this.resizeSprites(0);
  }

  /** Size, place and blink the badges for the camera's current view (once per frame). */
  layout(camera: Camera, nowMs: number): void {
    const manager = this.manager;
    const n = this.entries.length;
    if (!manager || n === 0) return;
    const engine = this.scene.getEngine();
    const width = engine.getRenderWidth();
    const height = engine.getRenderHeight();
    const scaling = engine.getHardwareScalingLevel();
    const px = badgePx(width, height, scaling);
    this.sizePx = px;
    this.lit = blinkLit(nowMs);
    const labelPx = this.labelled ? labelFontPx(width, height, scaling) * 1.3 : 0;
    const hitHalf = Math.max(px, MIN_HIT_CSS_PX / (scaling > 0 ? scaling : 1)) / 2;
    const m = camera.getViewMatrix().m;
    const tanV = Math.tan(camera.fov / 2);
    const transform = this.scene.getTransformMatrix();
    camera.viewport.toGlobalToRef(width, height, this.viewport);
    for (let i = 0; i < n; i++) {
      const entry = this.entries[i] as BadgeEntry;
      const sprite = manager.sprites[i] as Sprite;
      const ax = this.anchors[i * 3] ?? 0;
      const ay = this.anchors[i * 3 + 1] ?? 0;
      const az = this.anchors[i * 3 + 2] ?? 0;
      const depth = ax * (m[2] ?? 0) + ay * (m[6] ?? 0) + az * (m[10] ?? 0) + (m[14] ?? 0);
      const s = i * 4;
      if (!(depth > camera.minZ)) {
        sprite.isVisible = false;
        this.screen[s + 3] = 0;
        continue;
      }
      const worldPerPx = (2 * depth * tanV) / height;
      const liftPx = labelPx * Number(this.labelledAt(entry)) + px * (0.5 + GAP);
      const lift = liftPx * worldPerPx;
      sprite.isVisible = true;
      sprite.position.copyFromFloats(
        ax + (m[1] ?? 0) * lift,
        ay + (m[5] ?? 0) * lift,
        az + (m[9] ?? 0) * lift,
      );
      sprite.width = px * worldPerPx;
      sprite.height = sprite.width;
      sprite.cellIndex = badgeCell(entry.priority, entry.count, this.lit || !entry.unacknowledged);
      this.point.copyFromFloats(ax, ay, az);
      Vector3.ProjectToRef(
        this.point,
        Matrix.IdentityReadOnly,
        transform,
        this.viewport,
        this.projected,
      );
      this.screen[s] = this.projected.x;
      this.screen[s + 1] = this.projected.y - liftPx;
      this.screen[s + 2] = hitHalf;
      this.screen[s + 3] = 1;
    }
  }

  /**
   * The asset whose badge is under a canvas point (CSS pixels, as scene.pick takes them),
   * topmost first (critical over lower priorities), or null.
   */
  pick(x: number, y: number): string | null {
    const scaling = this.scene.getEngine().getHardwareScalingLevel() || 1;
    const rx = x / scaling;
    const ry = y / scaling;
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const s = i * 4;
      if (this.screen[s + 3] !== 1) continue;
      const half = this.screen[s + 2] ?? 0;
      if (
        Math.abs(rx - (this.screen[s] ?? 0)) <= half &&
        Math.abs(ry - (this.screen[s + 1] ?? 0)) <= half
      ) {
        return this.entries[i]?.assetId ?? null;
      }
    }
    return null;
  }

  inspect(assetId: string): AlarmBadgeInspection | null {
    const i = this.entries.findIndex((e) => e.assetId === assetId);
    const entry = this.entries[i];
    if (!entry) return null;
    const solid = this.lit || !entry.unacknowledged;
    const s = i * 4;
    return {
      priority: entry.priority,
      count: entry.count,
      unacknowledged: entry.unacknowledged,
      solid,
      cell: badgeCell(entry.priority, entry.count, solid),
      screen: {
        x: this.screen[s] ?? 0,
        y: this.screen[s + 1] ?? 0,
        sizePx: this.sizePx,
        visible: this.screen[s + 3] === 1,
      },
    };
  }

  dispose(): void {
    this.clear();
    this.manager?.dispose();
    this.manager = null;
    this.texture = null;
  }

  private place(assets: ReadonlyMap<string, AssetVisual>): AssetMatchReport {
    const { entries, report } = resolveBadges(this.requested, assets);
    this.entries = entries;
    this.anchors = new Float32Array(entries.length * 3);
    this.screen = new Float32Array(entries.length * 4);
    let drawn = false;
    entries.forEach((entry, i) => {
      const { centre, size, type } = entry.visual;
      const up = type === 'pipe' ? 0 : this.labelledAt(entry) ? size * 1.5 : size * 0.6;
      this.anchors.set([centre[0], centre[1] + up, centre[2]], i * 3);
      drawn = this.atlas.ensure(badgeCell(entry.priority, entry.count, true)) || drawn;
      drawn = this.atlas.ensure(badgeCell(entry.priority, entry.count, false)) || drawn;
    });
    this.resizeSprites(entries.length);
    if (drawn && this.texture) this.texture.update(this.atlas.data);
    return report;
  }

  /** Tanks, pumps and reservoirs carry a label: their badge floats above it. */
  private labelledAt(entry: BadgeEntry): boolean {
    const type = entry.visual.type;
    return this.labelled && (type === 'tank' || type === 'pump' || type === 'reservoir');
  }

  /** Exactly n sprites; a larger manager (capacity doubled) when n outgrows it. */
  private resizeSprites(n: number): void {
    if (n === 0 && !this.manager) return;
    if (!this.manager || this.manager.capacity < n) this.createManager(n);
    const manager = this.manager as SpriteManager;
    while (manager.sprites.length > n) manager.sprites.pop()?.dispose();
    while (manager.sprites.length < n) {
      const sprite = new Sprite(`twinhelm-alarm-badge-${manager.sprites.length}`, manager);
      sprite.isPickable = false;
      sprite.isVisible = false;
    }
  }

  private createManager(needed: number): void {
    let capacity = MIN_CAPACITY;
    while (capacity < needed) capacity *= 2;
    this.manager?.dispose();
    const manager = new SpriteManager(
      'twinhelm-alarm-badges',
      '',
      capacity,
      { width: BADGE_CELL_PX, height: BADGE_CELL_PX },
      this.scene,
    );
    const texture = RawTexture.CreateRGBATexture(
      this.atlas.data,
      this.atlas.width,
      this.atlas.height,
      this.scene,
      true,
      false,
      Texture.TRILINEAR_SAMPLINGMODE,
    );
    texture.name = 'twinhelm-alarm-badge-atlas';
    texture.hasAlpha = true;
    texture.wrapU = Texture.CLAMP_ADDRESSMODE;
    texture.wrapV = Texture.CLAMP_ADDRESSMODE;
    manager.texture = texture;
    manager.isPickable = false;
    manager.disableDepthWrite = true;
    manager.fogEnabled = false;
    manager.renderingGroupId = BADGE_GROUP;
    this.manager = manager;
    this.texture = texture;
  }
}
