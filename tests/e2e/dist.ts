/** The build folder the global setup made for this run (see global-setup.ts). */
import { inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    pegDist: string;
  }
}

export function distDir(): string {
  return inject("pegDist");
}
