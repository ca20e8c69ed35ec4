import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { AdminStatus } from '../../../shared/contract';
import { AppError, notFound } from '../../platform/errors';
import type { ServiceContext } from '../service-context';
import { INSTALLATION_SCOPE } from '../../storage/repositories/settings-repository';

const LOCK_KEY = 'bank.locked';

/**
 * The lab administrator: one or more profiles with a PIN, who can lock the question bank so
 * students practise with it but cannot change it. The PIN is stored as a salted scrypt hash.
 */
export class AdminService {
  constructor(private readonly ctx: Pick<ServiceContext, 'repos' | 'clock'>) {}

  async status(): Promise<AdminStatus> {
    const adminIds = await this.ctx.repos.profiles.adminIds();
    const lock = await this.ctx.repos.settings.value(INSTALLATION_SCOPE, LOCK_KEY);
    return {
      hasAdmin: adminIds.length > 0,
      adminProfileIds: adminIds,
      bankLocked: lock === 'true',
    };
  }

  async setup(
    profileId: string,
    pin: string,
    currentPin: string | undefined,
  ): Promise<AdminStatus> {
    if (!(await this.ctx.repos.profiles.exists(profileId))) throw notFound('Profile', profileId);
    if ((await this.status()).hasAdmin)
      await this.verifyPin(
        currentPin,
        'Enter the current administrator PIN to add or change an administrator.',
      );
    await this.ctx.repos.profiles.makeAdmin(
      profileId,
      hashPin(pin),
      this.ctx.clock.now().toISOString(),
    );
    return this.status();
  }

  async lockBank(pin: string, locked: boolean): Promise<AdminStatus> {
    await this.verifyPin(pin, 'Only the lab administrator can lock or unlock the question bank.');
    const now = this.ctx.clock.now().toISOString();
    // Stored as JSON, like every setting: the text true or false.
    await this.ctx.repos.settings.write({
      scope: INSTALLATION_SCOPE,
      key: LOCK_KEY,
      value: JSON.stringify(locked),
      now,
    });
    return this.status();
  }

  /** Call before any change to the bank: passes when unlocked, or with an administrator's PIN. */
  async assertCanChangeBank(pin: string | undefined): Promise<void> {
    if (!(await this.status()).bankLocked) return;
    await this.verifyPin(
      pin,
      'The question bank is locked by the lab administrator; their PIN is needed to change it.',
    );
  }

  private async verifyPin(pin: string | undefined, message: string): Promise<void> {
    const hashes = await this.ctx.repos.profiles.adminPinHashes();
    const ok = pin !== undefined && hashes.some((hash) => hash !== null && pinMatches(pin, hash));
    if (!ok)
      throw new AppError('UNAUTHORIZED', pin === undefined ? message : `Wrong PIN. ${message}`);
  }
}

function hashPin(pin: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64')}$${scryptSync(pin, salt, 32).toString('base64')}`;
}

function pinMatches(pin: string, stored: string): boolean {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(pin, Buffer.from(salt, 'base64'), expected.length);
  return timingSafeEqual(actual, expected);
}
