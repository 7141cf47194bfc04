import { Collection, collectionOf } from './collection.js';
import { Entity, type Handle } from './entity.js';
import { entity } from './entity-metadata.js';
import { kinds } from '../api/kinds.js';
import type { ById, List, Ref, Refresh } from './methods.js';
import type { ListPlansOptions, PlanData } from '../api/plans.js';

/** A plan: what the service offers an organization, and at what price (2024-11-29; read only). */
@entity(kinds.plan)
export class Plan extends Entity<PlanData> {
  /** Loads this plan's data. `GET /plans/{planId}` */
  declare refresh: Refresh<this>;
}

/** A handle on a plan (`ref(id)`): its id and its methods; `await handle.refresh()` gives the plan. */
export type PlanHandle = Handle<Plan, PlanData, 'planId'>;

/** `las.plans`: the plans the service offers (2024-11-29). */
@collectionOf(Plan)
export class Plans extends Collection<Plan> {
  /** Lists plans, optionally by owner. `GET /plans` */
  declare list: List<Plan, ListPlansOptions>;

  /** Gets one plan. `GET /plans/{planId}` */
  declare get: ById<Plan['refresh']>;

  /** A handle on a plan by id, without a request. */
  declare ref: Ref<PlanHandle>;
}
