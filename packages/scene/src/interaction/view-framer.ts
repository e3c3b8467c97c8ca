import type { ArcRotateCamera } from '@babylonjs/core/Cameras/arcRotateCamera';
import type { Point3 } from '../layout/layout';
import { CameraFlight, lensOf, overviewOf } from './camera';
import { NO_INSETS, sanitiseInsets, screenOffset, type Bounds, type ViewInsets } from './framing';

/** Time constant (ms) of the eased shift when panels open or close. */
const INSET_EASE_MS = 120;

/**
 * Where the camera looks: flights, the overview, and the panels' insets (the view eases so
 * what the camera looks at sits in the middle of the area they leave free). `bounds` gives the
 * network's current box (null when nothing is loaded).
 */
export class ViewFramer {
  readonly flight: CameraFlight;
  /** Insets requested by the UI, and those shown now (easing toward them). */
  insets: ViewInsets = { ...NO_INSETS };
  shownInsets: ViewInsets = { ...NO_INSETS };
  /** The camera shows the overview and the user has not moved it: refit on resize. */
  private atOverview = false;

  constructor(
    private readonly camera: ArcRotateCamera,
    now: () => number,
    private readonly bounds: () => Bounds | null,
  ) {
    this.flight = new CameraFlight(camera, now);
  }

  /** The user took the camera (drag, wheel): stop refitting the overview. */
  userMoved(): void {
    this.atOverview = false;
  }

  flyTo(target: Point3, radius: number): void {
    this.atOverview = false;
    this.flight.start(target, radius);
  }

  /** Fly back to the overview: the whole network in the free area, slightly tilted. */
  flyToOverview(): void {
    const overview = this.overview();
    if (!overview) return;
    this.flight.start(overview.target, overview.radius, overview);
    this.atOverview = true;
  }

  /** Shares of the canvas that opaque UI covers (sanitised); the overview is refitted. */
  setInsets(insets: ViewInsets): void {
    const next = sanitiseInsets(insets);
    const old = this.insets;
    if (
      next.left === old.left &&
      next.right === old.right &&
      next.top === old.top &&
      next.bottom === old.bottom
    )
      return;
    this.insets = next;
    this.refit();
  }

  /** After a resize or inset change: keep showing the overview if that is what is shown. */
  refit(): void {
    if (this.atOverview && !this.flight.active) this.jumpToOverview();
  }

  jumpToOverview(): void {
    const overview = this.overview();
    if (!overview) return;
    this.flight.cancel();
    this.shownInsets = { ...this.insets };
    this.camera.alpha = overview.alpha;
    this.camera.beta = overview.beta;
    this.camera.radius = overview.radius;
    this.camera.target.set(overview.target[0], overview.target[1], overview.target[2]);
    this.applyScreenOffset();
    this.atOverview = true;
  }

  /** Per frame: step the flight, move the shown insets toward the requested ones (eased). */
  step(elapsedMs: number): void {
    this.flight.step();
    const k = elapsedMs <= 0 ? 1 : 1 - Math.exp(-elapsedMs / INSET_EASE_MS);
    const shown = this.shownInsets;
    for (const side of ['left', 'right', 'top', 'bottom'] as const) {
      const gap = this.insets[side] - shown[side];
      shown[side] = Math.abs(gap) < 1e-4 ? this.insets[side] : shown[side] + gap * k;
    }
    this.applyScreenOffset();
  }

  private overview() {
    const bounds = this.bounds();
    return bounds ? overviewOf(this.camera, bounds, this.insets) : null;
  }

  private applyScreenOffset(): void {
    const [x, y] = screenOffset(this.shownInsets, this.camera.radius, lensOf(this.camera));
    this.camera.targetScreenOffset.set(x, y);
  }
}
