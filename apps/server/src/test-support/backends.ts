import { randomBytes } from "node:crypto";
import { createDb, type Database, migrate } from "@omniloket/db";

export type Backend = { name: "pglite" | "postgres"; open(): Promise<Database & { drop(): Promise<void> }> };

const pglite: Backend = {
  name: "pglite",
  async open() {
    const database = await createDb({ kind: "embedded", dataDir: null });
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
