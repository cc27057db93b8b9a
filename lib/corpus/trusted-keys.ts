import type { TrustedKey } from './signing';

/**
 * The public keys every copy of the extension trusts. The project's own key: its private half
 * is never committed (maintainers keep it outside the repository, see the README's publishing
 * guide). A key rotation ships the new key here one release before bundles are signed with it.
 */
export const BUILTIN_TRUSTED_KEYS: readonly TrustedKey[] = [
  {
    kid: 'BslvjJnhhFr3upyBGMNVn-VfcewKeP7mKppWKCYabGc',
    name: 'HLED Lens project',
    jwk: { kty: 'OKP', crv: 'Ed25519', x: 'QmxFpnmGiD9HwvlUVpLWcc7fXS0GeEFDABCo_bTX1H0', kid: 'BslvjJnhhFr3upyBGMNVn-VfcewKeP7mKppWKCYabGc' },
    builtin: true,
  },
];
