import { LinkProperty, NodeProperty, type Project } from 'epanet-js';
import { type OpenModel } from './open-model';

/**
 * Writes back, once when the model opens, the values a run may change and put back: base
 * demands, emitters, pipe roughness, pump and valve initial status and setting, the demand
 * model. The toolkit converts units on the way in and out (EPANET works in feet and cfs inside),
 * so a value read and written back can differ from the parsed one in its last bit, and a run
 * that restores it would leave the next run a slightly different model. After one round trip the
 * values are fixed points, so every run starts from the same model whatever ran before. Tanks
 * are done apart (normalizeTanks).
 */
export function normalizeModel(
  project: Project,
  kinds: { nodes: readonly string[]; links: readonly string[] },
): void {
  kinds.nodes.forEach((kind, k) => {
    const i = k + 1;
    if (kind !== 'junction') return;
    for (let c = 1; c <= project.getNumberOfDemands(i); c++) {
      project.setBaseDemand(i, c, project.getBaseDemand(i, c));
    }
    project.setNodeValue(i, NodeProperty.Emitter, project.getNodeValue(i, NodeProperty.Emitter));
  });
  kinds.links.forEach((kind, k) => {
    const i = k + 1;
    if (kind === 'pipe') {
      project.setLinkValue(
        i,
        LinkProperty.Roughness,
        project.getLinkValue(i, LinkProperty.Roughness),
      );
    } else restoreLink(project, i, linkInitials(project, i));
  });
  const dm = project.getDemandModel();
  project.setDemandModel(dm.type, dm.pmin, dm.preq, dm.pexp);
}

/**
 * The same for tank levels, before the first run that sets one. Writing a level back also
 * recomputes the tank's initial volume, which moves C-Town's week by up to 2 mm (chaotically,
 * through its level controls) away from EPANET's own run of the file; so runs that never set a
 * tank level stay identical to it, and from the first one on every run starts from the same
 * (written-back) levels.
 */
export function normalizeTanks(model: OpenModel): void {
  if (model.tanksNormalized) return;
  const { project } = model;
  model.nodeIds.forEach((id, k) => {
    if (model.catalog.nodes.get(id) !== 'tank') return;
    const level = project.getNodeValue(k + 1, NodeProperty.TankLevel);
    project.setNodeValue(k + 1, NodeProperty.TankLevel, level);
  });
  model.tanksNormalized = true;
}

/** EPANET's initial link status: 0 closed, 1 open, 2 active (a valve regulating at its setting). */
const ACTIVE = 2;

export interface LinkInitials {
  status: number;
  setting: number;
}

export function linkInitials(project: Project, link: number): LinkInitials {
  return {
    status: project.getLinkValue(link, LinkProperty.InitStatus),
    setting: project.getLinkValue(link, LinkProperty.InitSetting),
  };
}

/**
 * Puts a pump's or valve's initial status and setting back. In EPANET 2.3 a setting makes a
 * valve active and opens a pump (0 closes it), while a status leaves the setting alone: so the
 * setting goes back first, then the status (an active valve is active again by its setting).
 */
export function restoreLink(project: Project, link: number, initials: LinkInitials): void {
  project.setLinkValue(link, LinkProperty.InitSetting, initials.setting);
  if (initials.status !== ACTIVE) {
    project.setLinkValue(link, LinkProperty.InitStatus, initials.status);
  }
}
