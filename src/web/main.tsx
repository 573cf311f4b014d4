/**
 * Entry of the browser preview (preview.html). No office.js here: the pane runs on the web host.
 * The sample workbook is part of the build (Vite copies it as an asset and gives its URL).
 */
import { createRoot } from "react-dom/client";
import sampleUrl from "../../assets/esempio-peg-2023.xlsx?url";
import { PreviewShell } from "./PreviewShell";
import { createWebPaneHost } from "./web-pane-host";

const host = createWebPaneHost();
const root = document.getElementById("root");
if (root) createRoot(root).render(<PreviewShell host={host} sampleUrl={sampleUrl} />);
