/** Builds the app once before the e2e files run, and removes the build afterwards. */
import { rmSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { build } from "./build";
import "./dist"; // the type of provide("pegDist")

export default function setup(project: TestProject): () => void {
  const dist = build();
  project.provide("pegDist", dist);
  return () => {
    if (!process.env.PEG_E2E_DIST) rmSync(dist, { recursive: true, force: true });
  };
}
