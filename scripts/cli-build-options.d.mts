import type { BuildOptions } from "esbuild";
export function cliBuildOptions(o: {
  entryPoints: Record<string, string>;
  outdir: string;
  minify: boolean;
  splitting?: boolean;
}): BuildOptions;
