/**
 * The task pane page, which is also the shared runtime of the ribbon commands (manifest
 * <Runtimes>): it registers the commands, then mounts the pane on the Office host. Nothing else.
 */
import { createRoot } from "react-dom/client";
import { registerCommands } from "../commands/commands";
import { createOfficePaneHost } from "../hosts/office/pane-host";
import { REQUIREMENTS, officeCapabilities } from "../hosts/office/capabilities";
import { officeSession } from "../hosts/office/session";
import { officeHost, pane } from "../strings/it";
import { App } from "../ui/App";

function notice(text: string): void {
  const root = document.getElementById("root")!;
  const p = document.createElement("p");
  p.style.cssText = "font: 14px 'Segoe UI', sans-serif; padding: 16px";
  p.textContent = text; // always as text
  root.replaceChildren(p);
}

Office.onReady((info) => {
  if (info.host !== Office.HostType.Excel) {
    notice(pane.noWorkbook);
    return;
  }
  const caps = officeCapabilities(Office);
  if (!caps.supports(REQUIREMENTS.core.set, REQUIREMENTS.core.version)) {
    notice(officeHost.requisitiMinimi);
    return;
  }
  const session = officeSession();
  // Office.actions.associate needs the shared runtime; without it the pane's buttons still work.
  registerCommands(Office, session);
  createRoot(document.getElementById("root")!).render(<App host={createOfficePaneHost({ session })} />);
}).catch(() => notice(pane.errors.generic));
