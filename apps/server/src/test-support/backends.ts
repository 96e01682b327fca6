import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createDb, type Database, migrate } from "@omniloket/db";

export type Backend = { name: "pglite" | "postgres"; open(): Promise<Database & { drop(): Promise<void> }> };

const MIGRATIONS = new URL("../../../../packages/db/migrations/", import.meta.url).pathname;

/**
 * A migrated PGlite data directory, dumped once per set of migrations into the temp directory and shared
 * by every test process: starting PGlite from it takes about 1.5 s, against 3.5–6 s for initdb and the
 * migrations. Named by a hash of the migration files and PGlite's version, so a changed migration or
 * another PGlite makes a new template.
 */
function templatePath(): string {
  const hash = createHash("sha256");
  const pglite = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  hash.update(readFileSync(join(dirname(pglite), "..", "package.json")));
  for (const name of readdirSync(MIGRATIONS, { recursive: true }).map(String).sort()) {
    if (name.endsWith(".sql") || name.endsWith(".json"))
      hash.update(name).update(readFileSync(join(MIGRATIONS, name)));
  }
  return join(tmpdir(), `omniloket-pglite-template-${hash.digest("hex").slice(0, 16)}.tar`);
}

let template: Promise<Blob | null> | null = null;

async function pgliteTemplate(): Promise<Blob | null> {
  const path = templatePath();
  if (existsSync(path)) return new Blob([readFileSync(path)]);
  const database = await createDb({ kind: "embedded", dataDir: null });
  try {
    await migrate(database);
    const dump = await database.dumpDataDir?.();
    if (!dump) return null;
    // Written aside and renamed, so a process that reads it meanwhile never sees half a file.
    const partial = `${path}.${process.pid}.${randomBytes(4).toString("hex")}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, path);
    // Templates of earlier migrations are of no more use (40 MB each).
    for (const name of readdirSync(tmpdir()))
      if (/^omniloket-pglite-template-[0-9a-f]{16}\.tar$/.test(name) && join(tmpdir(), name) !== path)
        rmSync(join(tmpdir(), name), { force: true });
    return dump;
  } finally {
    await database.close();
  }
}

const pglite: Backend = {
  name: "pglite",
  async open() {
    template ??= pgliteTemplate();
    const loadDataDir = (await template) ?? undefined;
    const database = await createDb({ kind: "embedded", dataDir: null, loadDataDir });
    // Nothing to do when the template is current; it is what makes the schema right either way.
    await migrate(database);
    return Object.assign(database, { drop: () => database.close() });
  },
};

function postgres(adminUrl: string): Backend {
  return {
    name: "postgres",
    async open() {
      const name = `omniloket_test_${randomBytes(6).toString("hex")}`;
      const admin = await createDb({ kind: "postgres", url: adminUrl, poolSize: 1 });
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.close();
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const database = await createDb({ kind: "postgres", url: url.toString() });
      await migrate(database);
      return Object.assign(database, {
        async drop() {
          await database.close();
          const cleanup = await createDb({ kind: "postgres", url: adminUrl, poolSize: 1 });
          await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await cleanup.close();
        },
      });
    },
  };
}

/** Integration tests run on embedded PGlite, and also on PostgreSQL when TEST_DATABASE_URL is set. */
export function testBackends(): Backend[] {
  const url = process.env.TEST_DATABASE_URL;
  return url ? [pglite, postgres(url)] : [pglite];
}
