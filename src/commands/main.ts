/** Entry of commands.html: register the ribbon functions in their own runtime. */
import { officeSession } from "../hosts/office/session";
import { registerCommands } from "./commands";

void Office.onReady(() => {
  registerCommands(Office, officeSession());
});
