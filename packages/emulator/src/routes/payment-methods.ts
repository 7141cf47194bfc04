/**
 * /paymentMethods (2024-11-29). The service sets a card up with Stripe: `POST` answers a setup
 * intent's secret and a publishable key, the client confirms the card with Stripe, then PATCHes the
 * secret back. The emulator talks to no Stripe: its secret and key are fakes (they name the
 * emulator), and PATCHing the secret it handed out "confirms" a test card.
 */
import { randomBytes } from 'node:crypto';
import { badRequest } from '../http-error.js';
import type { JsonObject } from '../json.js';
import type { Row } from '../store.js';
import type { Serving } from './kind-routes.js';
import { created, named, update } from './shared.js';

/** The fake Stripe key every payment method of the emulator answers: no Stripe account has it. */
export const FAKE_STRIPE_PUBLISHABLE_KEY = 'pk_test_las_emulator_fake_key';

// What a card confirmed through the emulator looks like: Stripe's own test card.
const TEST_CARD: JsonObject = { brand: 'visa', last4: '4242', expMonth: 12, expYear: 2034 };

/**
 * How payment methods are served. The setup intent's secret is answered by `POST` only (it is a
 * secret); `PATCH` with it sets the card up, with another one it is a 400. Deleting the one the
 * organization pays with is refused (400): it would leave a paid plan unpaid; PATCH the
 * organization's `paymentMethodId` to another (or null) first.
 */
export const paymentMethods: Serving = {
  table: 'paymentMethods',
  create: ({ store }, body, req) => {
    const paymentMethodId = store.newId('payment-method');
    const secret = `seti_fake_${randomBytes(12).toString('hex')}_secret_${randomBytes(12).toString('hex')}`;
    const data: JsonObject = {
      paymentMethodId,
      ...named(body),
      // Unknown until the card is set up.
      details: null,
      stripePublishableKey: FAKE_STRIPE_PUBLISHABLE_KEY,
      ...created(req.principal),
    };
    const row = store.tables.paymentMethods.insert(paymentMethodId, data, { stripeSetupIntentSecret: secret });
    return { ...row.data, stripeSetupIntentSecret: secret };
  },
  patch: ({ store }, row, { stripeSetupIntentSecret, ...body }, req) => {
    const changes: JsonObject = { ...body };
    if (stripeSetupIntentSecret !== undefined) {
      if (stripeSetupIntentSecret !== row.hidden.stripeSetupIntentSecret) {
        throw badRequest(`body.stripeSetupIntentSecret: is not the secret POST /paymentMethods answered for ${row.id}`);
      }
      changes.details = { ...TEST_CARD };
    }
    return update(store.tables.paymentMethods, row, changes, req.principal);
  },
  remove: ({ store }, row: Row) => {
    const payer = store.tables.organizations.filter((organization) => organization.data.paymentMethodId === row.id)[0];
    if (payer) {
      throw badRequest(
        `Payment method ${row.id} is what organization ${payer.id} pays with: PATCH its paymentMethodId to another (or null) before deleting it`,
      );
    }
  },
};
