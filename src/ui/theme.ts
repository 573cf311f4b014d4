/**
 * Light or dark: the Office theme when the host has one, else the browser's
 * prefers-color-scheme; the user's toggle wins for the session.
 */
import { useEffect, useState } from "react";
import type { PaneHost } from "../app/pane-host";

export type Mode = "light" | "dark";

function systemMode(): Mode {
  if (typeof window === "undefined" || !window.matchMedia) return "light";
  return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

export function useThemeMode(host: PaneHost): [Mode, () => void] {
  const base = (): Mode => host.theme?.() ?? systemMode();
  const [auto, setAuto] = useState<Mode>(base);
  const [override, setOverride] = useState<Mode | null>(null);

  useEffect(() => {
    const refresh = () => setAuto(base());
    const offHost = host.onThemeChanged?.(refresh);
    const mq = typeof window !== "undefined" && window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
    mq?.addEventListener?.("change", refresh);
    return () => {
      offHost?.();
      mq?.removeEventListener?.("change", refresh);
    };
  }, [host]);

  const mode = override ?? auto;
  return [mode, () => setOverride(mode === "dark" ? "light" : "dark")];
}

/** Relative luminance of "#RRGGBB" below one half → dark (Office's bodyBackgroundColor). */
export function isDarkColour(hex: string): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return false;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h!, 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}
