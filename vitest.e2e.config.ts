import { defineConfig } from "vitest/config";

// End-to-end tests: the built app in headless Chromium (tests/e2e/README in docs/UI.md).
export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.e2e.ts"],
    environment: "node",
    globalSetup: ["tests/e2e/global-setup.ts"],
    testTimeout: 90_000,
    hookTimeout: 180_000,
    // One browser at a time: the machine has two cores.
    fileParallelism: false,
  },
});
