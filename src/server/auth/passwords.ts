import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

// scrypt with N = 2^17, r = 8, p = 1 (about 128 MiB and ~1 s a hash). A semaphore caps hashes in
// flight, so 200 logins at once queue instead of asking for 25 GiB. The stored string carries its own
// parameters: raising them later still verifies old hashes.

export interface ScryptParams {
  /** log2 of N */
  logN: number;
  r: number;
  p: number;
}

export const DEFAULT_SCRYPT: ScryptParams = { logN: 17, r: 8, p: 1 };
const KEY_LENGTH = 32;

export interface PasswordHasherOptions {
  params?: ScryptParams;
  /** hashes computed at once (default 2) */
  concurrency?: number;
}

export class PasswordHasher {
  readonly params: ScryptParams;
  readonly concurrency: number;
  #running = 0;
  #waiting: (() => void)[] = [];
  #dummy: Promise<string> | undefined;

  constructor(options: PasswordHasherOptions = {}) {
    this.params = options.params ?? DEFAULT_SCRYPT;
    this.concurrency = Math.max(1, options.concurrency ?? 2);
  }

  async hash(password: string): Promise<string> {
    const salt = randomBytes(16);
    const { logN, r, p } = this.params;
    const key = await this.#derive(password, salt, this.params);
    return `scrypt$${logN}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
  }

  /** true when the password matches; false for a wrong password or a malformed or missing hash */
  async verify(password: string, stored: string | null | undefined): Promise<boolean> {
    const parsed = stored ? parse(stored) : undefined;
    if (!parsed) {
      // same work as a real check, so response time does not tell which accounts exist
      this.#dummy ??= this.hash('not a password');
      await this.verify(password, await this.#dummy);
      return false;
    }
    const key = await this.#derive(password, parsed.salt, parsed.params);
    return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
  }

  async #derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
    await this.#acquire();
    try {
      const N = 2 ** params.logN;
      const options: ScryptOptions = { N, r: params.r, p: params.p, maxmem: 256 * N * params.r };
      return await new Promise<Buffer>((resolve, reject) =>
        scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) =>
          error ? reject(error) : resolve(key),
        ),
      );
    } finally {
      this.#release();
    }
  }

  #acquire(): Promise<void> {
    if (this.#running < this.concurrency) {
      this.#running++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  #release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#running--;
  }

  /** hashes running now (for tests of the limit) */
  get running(): number {
    return this.#running;
  }
}

function parse(stored: string): { params: ScryptParams; salt: Buffer; key: Buffer } | undefined {
  const [scheme, logN, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !logN || !r || !p || !salt || !key) return undefined;
  const params = { logN: Number(logN), r: Number(r), p: Number(p) };
  if (!Object.values(params).every((n) => Number.isInteger(n) && n > 0) || params.logN > 22) return undefined;
  return { params, salt: Buffer.from(salt, 'base64url'), key: Buffer.from(key, 'base64url') };
}
