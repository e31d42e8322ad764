import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

/**
 * Content-addressed file storage outside the web root: a file lives at `<root>/<aa>/<sha256>`. Writes go to a
 * temporary name and are renamed into place, so a crash or a full disk never leaves a half-written file under
 * its final name (docs/targets.md R5).
 */
export class FileStore {
  constructor(readonly root: string) {}

  private pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error("bad file hash");
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  /** Stores bytes; returns their hash and whether this call created the file (for clean-up on rollback). */
  async put(bytes: Buffer): Promise<{ sha256: string; created: boolean }> {
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const target = this.pathOf(sha256);
    try {
      await fs.access(target);
      return { sha256, created: false };
    } catch {
      /* not stored yet */
    }
    await fs.mkdir(path.dirname(target), { recursive: true });
    const temp = path.join(path.dirname(target), `.tmp-${randomUUID()}`);
    try {
      await fs.writeFile(temp, bytes, { flag: "wx", mode: 0o640 });
      await fs.rename(temp, target);
    } catch (err) {
      await fs.rm(temp, { force: true });
      throw err;
    }
    return { sha256, created: true };
  }

  /** Removes a file this request created, when the database transaction that referenced it failed. */
  async discard(sha256: string): Promise<void> {
    await fs.rm(this.pathOf(sha256), { force: true });
  }

  /** The bytes of a stored file. */
  read(sha256: string): Promise<Buffer> {
    return fs.readFile(this.pathOf(sha256));
  }
}
