import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ConfigSchemaValidator,
  type ConfigSchema,
  type ConfigVisibility,
  type ConfigVisibilityMarks,
} from './ConfigSchemaValidator.js';
import { isJsonObject, type JsonObject } from './jsonValues.js';
import { writeFileAtomically } from './writeFileAtomically.js';

// Part of every file name: bump it when the marks that validation records change for the same
// schemas and document (the visibility hooks, `collectMarkedSecrets`), or documents remembered
// by older code would be trusted with marks that this code would not record.
const FORMAT_VERSION = 1;
const VISIBILITIES = new Set<unknown>(['frontend', 'backend', 'secret']);

/** One remembered document: the digest of its JSON and the marks its validation recorded. */
interface PassedDocument {
  digest: string;
  marks: ConfigVisibilityMarks;
}

/**
 * Remembers the last configuration document that passed validation against one set of schemas,
 * so that a start (or reload) whose merged configuration and schemas are both unchanged needs
 * neither the validators nor a validation run: validation is a function of the two, and the
 * document's secrets are read off the visibility marks it recorded.
 *
 * **Details**: what is kept is a SHA-256 digest of the document's JSON and its marks (JSON
 * pointers and visibilities), never a configured value: in memory, and with a `dir` in a file
 * named after the schemas' fingerprints ({@link ConfigSchemaValidator.fingerprint}) and the mode,
 * written readable by its owner only. A document that failed is never remembered, so a failure
 * is always reported by a real validation. A file that cannot be read or written is ignored.
 */
export class PassedConfigCache {
  readonly #file: string | undefined;
  #last: PassedDocument | undefined;
  #lastRead = false;

  constructor(schemas: ReadonlyArray<ConfigSchema>, strict: boolean, dir?: string) {
    if (dir === undefined) return;
    const scope = createHash('sha256')
      .update(
        JSON.stringify([
          FORMAT_VERSION,
          strict,
          schemas.map((schema) => ConfigSchemaValidator.fingerprint(schema, strict)),
        ]),
      )
      .digest('hex');
    this.#file = join(dir, `passed-${scope.slice(0, 32)}.json`);
  }

  /** The digest a document is remembered by. */
  static digest(data: JsonObject): string {
    return createHash('sha256').update(JSON.stringify(data)).digest('hex');
  }

  /** The marks of the document with `digest` if it passed before, else `undefined`. */
  get(digest: string): ConfigVisibilityMarks | undefined {
    if (!this.#lastRead) {
      this.#lastRead = true;
      this.#last ??= this.#read();
    }
    return this.#last?.digest === digest ? this.#last.marks : undefined;
  }

  /** Remembers that the document with `digest` passed, recording `marks`. */
  set(digest: string, marks: ConfigVisibilityMarks): void {
    if (this.#last?.digest === digest) return;
    this.#last = { digest, marks };
    if (this.#file !== undefined) {
      writeFileAtomically(this.#file, JSON.stringify(this.#last), 0o600);
    }
  }

  #read(): PassedDocument | undefined {
    if (this.#file === undefined) return undefined;
    try {
      const stored: unknown = JSON.parse(readFileSync(this.#file, 'utf8'));
      return isPassedDocument(stored) ? stored : undefined;
    } catch {
      // Missing or unreadable: the document is validated, and the file written afresh.
      return undefined;
    }
  }
}

function isPassedDocument(value: unknown): value is PassedDocument {
  if (!isJsonObject(value)) return false;
  const { digest, marks } = value;
  return (
    typeof digest === 'string' &&
    isJsonObject(marks) &&
    isMarkList(marks['visibility']) &&
    isMarkList(marks['deepVisibility'])
  );
}

function isMarkList(value: unknown): value is Array<[string, ConfigVisibility[]]> {
  return (
    Array.isArray(value) &&
    value.every(
      (entry) =>
        Array.isArray(entry) &&
        entry.length === 2 &&
        typeof entry[0] === 'string' &&
        Array.isArray(entry[1]) &&
        (entry[1] as unknown[]).every((visibility) => VISIBILITIES.has(visibility)),
    )
  );
}
