// Summarises a V8 .cpuprofile (node --cpu-prof): self time by function and by where the code lives.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./support";

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

function place(url: string): string {
  if (url === "") return "(native / V8)";
  if (url.startsWith("node:")) return "node core";
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1] as string;
  const path = url.replace(/^file:\/\//, "").replace(ROOT, "");
  const ours = /^(apps\/[^/]+\/src\/[^/]+(?:\/[^/]+)?|packages\/[^/]+)/.exec(path);
  return ours ? (ours[1] as string) : path;
}

/** The main thread's profile: the largest file (tsx's loader thread writes a small one beside it). */
export function mainThreadProfile(dir: string): string | null {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".cpuprofile"))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).size - statSync(a).size);
  return files[0] ?? null;
}

/** Top functions and top places by self time, as printable lines. */
export function summariseProfile(file: string, top = 12): string[] {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfByNode = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfByNode.set(id, (selfByNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = [...selfByNode.values()].reduce((a, b) => a + b, 0);
  const idleIds = new Set(
    profile.nodes.filter((n) => n.callFrame.functionName === "(idle)").map((n) => n.id),
  );
  const idle = [...idleIds].reduce((a, id) => a + (selfByNode.get(id) ?? 0), 0);
  const busy = total - idle;

  const byFunction = new Map<string, number>();
  const byPlace = new Map<string, number>();
  for (const [id, us] of selfByNode) {
    if (idleIds.has(id)) continue;
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const where = place(frame.url);
    const name = `${frame.functionName || "(anonymous)"}  [${where}${frame.url ? `:${frame.lineNumber + 1}` : ""}]`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
    byPlace.set(where, (byPlace.get(where) ?? 0) + us);
  }
  // Who calls the hottest functions: the commonest chains of JavaScript callers above them.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (id: number) => {
    const f = byId.get(id)?.callFrame;
    return f ? `${f.functionName || "(anonymous)"}@${place(f.url)}` : "?";
  };
  const chainOf = (id: number) => {
    const chain: string[] = [];
    // Node's own frames (stream plumbing) say little: show the first frames of libraries and our code.
    for (let p = parent.get(id); p !== undefined && chain.length < 4; p = parent.get(p)) {
      const url = byId.get(p)?.callFrame.url ?? "";
      if (url && !url.startsWith("node:")) chain.push(label(p));
    }
    return chain.join(" ← ");
  };
  const pct = (us: number) => `${((us / busy) * 100).toFixed(1).padStart(5)}%`;
  const sorted = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [
    `profile ${file}: ${(total / 1e6).toFixed(1)} s sampled, main thread busy ${((busy / total) * 100).toFixed(0)}% (rest idle, i.e. waiting on I/O)`,
    "self time by place (share of busy time):",
    ...sorted(byPlace).map(([k, v]) => `  ${pct(v)}  ${k}`),
    "top functions by self time:",
    ...sorted(byFunction).map(([k, v]) => `  ${pct(v)}  ${k}`),
    "callers of the top 3 functions (commonest chains):",
    ...sorted(byFunction)
      .slice(0, 3)
      .flatMap(([name]) => {
        const chains = new Map<string, number>();
        for (const [id, us] of selfByNode) {
          const f = byId.get(id)?.callFrame;
          if (!f || !name.startsWith(`${f.functionName || "(anonymous)"}  [${place(f.url)}`)) continue;
          const chain = chainOf(id);
          chains.set(chain, (chains.get(chain) ?? 0) + us);
        }
        return [
          `  ${name}`,
          ...sorted(chains)
            .slice(0, 3)
            .map(([chain, us]) => `    ${pct(us)}  ← ${chain}`),
        ];
      }),
  ];
}
