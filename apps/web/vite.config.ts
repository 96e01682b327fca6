import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The workspace is served by the Omniloket server at /werkplek (apps/server/src/features/workspace).
export default defineConfig({
  base: "/werkplek/",
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false },
  server: { proxy: { "/api": "http://127.0.0.1:8080" } },
});
