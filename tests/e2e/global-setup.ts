/** Builds the app once before the e2e files run. */
import { build } from "./build";

export default function setup(): void {
  build();
}
