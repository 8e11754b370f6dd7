import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

// The browser benchmarks (scripts/bench-phone): figures to read, not pass/fail tests.
export default defineConfig({ ...base, testDir: "./bench", timeout: 600_000 });
