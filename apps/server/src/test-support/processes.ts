import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

export const CLI = fileURLToPath(new URL("../../../../bin/omniloket.mjs", import.meta.url));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** Runs an `omniloket` command to completion and returns its output; rejects on a non-zero exit. */
export function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      out += d;
    });
    child.on("exit", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`omniloket ${args.join(" ")} exited ${code}: ${out}`)),
    );
  });
}

const started = new Set<ChildProcess>();
// A failing test must not leave a server behind that keeps the test runner alive.
process.on("exit", () => {
  for (const child of started) child.kill("SIGKILL");
});

/** Starts `omniloket start` and resolves when it prints that it serves. */
export function startServerProcess(
  env: NodeJS.ProcessEnv,
  timeoutMs = 60_000,
): Promise<{ child: ChildProcess; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, "start"], {
      // Concurrent test servers would compete for the default SMTP port.
      env: { ...process.env, OMNILOKET_SMTP_PORT: "0", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    started.add(child);
    child.once("exit", () => started.delete(child));
    let out = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`server did not start within ${timeoutMs} ms: ${out}`));
    }, timeoutMs);
    const onData = (d: Buffer) => {
      out += d;
      if (out.includes("Omniloket draait op")) {
        clearTimeout(timer);
        resolve({ child, output: () => out });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited early (${code}): ${out}`));
    });
  });
}

export function waitForExit(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
}
