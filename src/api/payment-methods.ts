/** Payment methods of the organization (API version 2024-11-29). */
import { s, partial, type Infer } from '../schema/index.js';
import { auditFields, nameAndDescription, optionalNameAndDescription } from './fields.js';
import { ids } from './ids.js';

/** The API's shape of a payment method. */
export const paymentMethodSchema = s.object({
  /** Id of the payment method. */
  paymentMethodId: ids.paymentMethod,
  /** What the card or account is, as the payment provider tells. */
  details: s.nullable(s.record()),
  /** The Stripe setup intent's secret, to finish setting it up. */
  stripeSetupIntentSecret: s.optional(s.nullable(s.text())),
  /** The Stripe key to set it up with. */
  stripePublishableKey: s.optional(s.nullable(s.text())),
  ...nameAndDescription,
  ...auditFields,
});

/** Body of POST /paymentMethods. */
export const createPaymentMethodSchema = s.object(optionalNameAndDescription);

/** Body of PATCH /paymentMethods/{paymentMethodId}. */
export const updatePaymentMethodSchema = partial(
  s.object({
    /** The Stripe setup intent's secret, as `create` answered it. */
    stripeSetupIntentSecret: s.string({ minLength: 1 }),
    ...nameAndDescription,
  }),
  { minProperties: 1 },
);

/** A payment method's data as the API returns it. */
export type PaymentMethodData = Infer<typeof paymentMethodSchema>;
/** Options of `las.paymentMethods.create()`. */
export type CreatePaymentMethodOptions = Infer<typeof createPaymentMethodSchema>;
/** Options of `paymentMethod.update()`. */
export type UpdatePaymentMethodOptions = Infer<typeof updatePaymentMethodSchema>;
