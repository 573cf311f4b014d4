/**
 * Entry of the browser preview (preview.html). No office.js here: the pane runs on the browser
 * host. The sample workbook is part of the build (Vite copies it as an asset and gives its URL).
 */
import { createRoot } from "react-dom/client";
import sampleUrl from "../../assets/esempio-peg-2023.xlsx?url";
import { createWebPaneHost } from "../hosts/browser/web-pane-host";
import { PreviewShell } from "./PreviewShell";
import { guardUndownloaded } from "./unsaved";

const host = createWebPaneHost();
guardUndownloaded(window, host);
const root = document.getElementById("root");
if (root) createRoot(root).render(<PreviewShell host={host} sampleUrl={sampleUrl} />);
