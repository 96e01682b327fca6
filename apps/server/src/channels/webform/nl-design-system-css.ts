import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** The theme class the page's root element carries: the NL Design System example theme ("voorbeeld"). */
export const NL_DESIGN_SYSTEM_THEME_CLASS = "voorbeeld-theme";
/** Styles plain semantic HTML (headings, paragraphs, links, forms, tables) as NL Design System components. */
export const NL_DESIGN_SYSTEM_HTML_CLASS = "utrecht-html";

/**
 * The NL Design System part of the residents' stylesheet (web forms and the portal), built once from two
 * EUPL-1.2 packages: the Utrecht component library's `html.css`, which gives semantic HTML inside
 * `.utrecht-html` the community components' look, and the design tokens of the NL Design System example
 * theme, cut down to the custom properties that `html.css` (and our own sheet) use, directly or through
 * other tokens. A municipality's own theme replaces the example theme's tokens the same way.
 * The cut keeps the sheet small on a cheap phone: about 10 kB compressed instead of 30.
 */
export function nlDesignSystemCss(ownCss: string): string {
  const html = readFileSync(require.resolve("@utrecht/component-library-css/dist/html.css"), "utf8");
  const theme = readFileSync(
    require.resolve("@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css"),
    "utf8",
  );
  const tokens = new Map<string, string>();
  for (const m of theme.matchAll(/^\s*(--[a-z0-9-]+):\s*(.*?);\s*$/gm))
    tokens.set(m[1] as string, m[2] as string);
  const used = new Set<string>();
  const pending = [...`${html}\n${ownCss}`.matchAll(/var\((--[a-z0-9-]+)/g)].map((m) => m[1] as string);
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (used.has(name)) continue;
    used.add(name);
    for (const m of (tokens.get(name) ?? "").matchAll(/var\((--[a-z0-9-]+)/g)) pending.push(m[1] as string);
  }
  const declarations = [...used]
    .filter((name) => tokens.has(name))
    .sort()
    .map((name) => `${name}:${tokens.get(name)}`);
  const licence =
    "/* NL Design System: @utrecht/component-library-css (html.css) and @nl-design-system-unstable/voorbeeld-design-tokens, EUPL-1.2. */";
  return `${licence}\n.${NL_DESIGN_SYSTEM_THEME_CLASS}{${declarations.join(";")}}\n${html.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\s*\n\s*/g, " ")}`;
}
