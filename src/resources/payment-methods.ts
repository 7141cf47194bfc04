import type { RequestOptions } from '../http/request-options.js';
import { Collection, collectionOf } from './collection.js';
import { Entity, type Handle } from './entity.js';
import { entity } from './entity-metadata.js';
import { kinds } from '../api/kinds.js';
import type { ById, Delete, List, Ref, Refresh, Update } from './methods.js';
import type { ListOptions } from '../api/list.js';
import type { CreatePaymentMethodOptions, PaymentMethodData, UpdatePaymentMethodOptions } from '../api/payment-methods.js';

/**
 * A payment method of the organization (2024-11-29). `create` answers a Stripe setup intent;
 * once set up with Stripe, `update({ stripeSetupIntentSecret })` finishes it.
 */
@entity(kinds.paymentMethod)
export class PaymentMethod extends Entity<PaymentMethodData> {
  /** Loads this payment method's data. `GET /paymentMethods/{paymentMethodId}` */
  declare refresh: Refresh<this>;

  /** Updates the Stripe setup intent's secret, name or description. `PATCH /paymentMethods/{paymentMethodId}` */
  declare update: Update<this, UpdatePaymentMethodOptions>;

  /** Deletes the payment method. `DELETE /paymentMethods/{paymentMethodId}` */
  declare delete: Delete<this>;
}

/** A handle on a payment method (`ref(id)`): its id and its methods; `await handle.refresh()` gives it. */
export type PaymentMethodHandle = Handle<PaymentMethod, PaymentMethodData, 'paymentMethodId'>;

/** `las.paymentMethods`: the payment methods of the organization (2024-11-29). */
@collectionOf(PaymentMethod)
export class PaymentMethods extends Collection<PaymentMethod> {
  /** Creates a payment method. `POST /paymentMethods` */
  async create(options: CreatePaymentMethodOptions = {}, requestOptions?: RequestOptions): Promise<PaymentMethod> {
    return this.createWith(options, requestOptions);
  }

  /** Lists payment methods. `GET /paymentMethods` */
  declare list: List<PaymentMethod, ListOptions>;

  /** Gets one payment method. `GET /paymentMethods/{paymentMethodId}` */
  declare get: ById<PaymentMethod['refresh']>;

  /** Updates a payment method. `PATCH /paymentMethods/{paymentMethodId}` */
  declare update: ById<PaymentMethod['update']>;

  /** Deletes a payment method. `DELETE /paymentMethods/{paymentMethodId}` */
  declare delete: ById<PaymentMethod['delete']>;

  /** A handle on a payment method by id, without a request. */
  declare ref: Ref<PaymentMethodHandle>;
}
