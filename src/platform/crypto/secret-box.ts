// Encrypts secrets kept in the database (a client secret of an identity
// provider, an ID token kept for signing out) with a key from the
// environment, so a copy of the database alone reveals none of them.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SecretBoxError extends Error {}

/**
 * AES-256-GCM with a key derived (HKDF-SHA-256) from each configured key.
 * The first key seals; every key is tried to open, so a key is rotated by
 * putting the new one first and keeping the old one behind it until the
 * secrets are saved again. `purpose` is bound to the ciphertext as associated
 * data: a sealed value copied to another record or field does not open there.
 */
export class SecretBox {
  readonly #keys: Buffer[];

  constructor(keys: readonly string[]) {
    if (keys.length === 0) throw new SecretBoxError("no key for secrets configured");
    this.#keys = keys.map((k) => Buffer.from(hkdfSync("sha256", k, "afweging-secret-box", VERSION, 32)));
  }

  seal(plaintext: string, purpose: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.#keys[0]!, iv);
    cipher.setAAD(Buffer.from(purpose));
    const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
  }

  open(sealed: string, purpose: string): string {
    const [version, data] = sealed.split(".");
    if (version !== VERSION || !data) throw new SecretBoxError("not a sealed secret");
    const bytes = Buffer.from(data, "base64url");
    if (bytes.length < IV_BYTES + TAG_BYTES) throw new SecretBoxError("sealed secret too short");
    const iv = bytes.subarray(0, IV_BYTES);
    const tag = bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
    const body = bytes.subarray(IV_BYTES + TAG_BYTES);
    for (const key of this.#keys) {
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, iv);
        decipher.setAAD(Buffer.from(purpose));
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
      } catch {
        // Not this key (or tampered): try the next one.
      }
    }
    throw new SecretBoxError("the secret does not open with any configured key (wrong SECRETS_KEY, or changed in the database)");
  }
}

const boxes = new WeakMap<readonly string[], SecretBox>();

/** The box for the configured keys, made once per configuration. */
export function secretBox(config: { secretsKeys: readonly string[] }): SecretBox {
  let box = boxes.get(config.secretsKeys);
  if (!box) {
    box = new SecretBox(config.secretsKeys);
    boxes.set(config.secretsKeys, box);
  }
  return box;
}
