/**
 * Asks before overwriting user values (spec §6): lists every cell as
 * "foglio!cella: valore attuale → nuovo", then Sovrascrivi / Scrivi solo le altre celle / Annulla.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Text,
  tokens,
} from "@fluentui/react-components";
import { pane } from "../strings/it";
import { formatScalar } from "./format";
import type { Conflitto, Scelta } from "../app/pane-host";

const useStyles = makeStyles({
  list: {
    maxHeight: "40vh",
    overflowY: "auto",
    margin: `${tokens.spacingVerticalS} 0 0`,
    padding: `0 0 0 ${tokens.spacingHorizontalL}`,
    fontSize: tokens.fontSizeBase200,
  },
  actions: { flexWrap: "wrap" },
});

export type { Scelta };

export function ConfirmDialog(props: { conflitti: Conflitto[] | null; onChoose: (c: Scelta) => void }) {
  const s = useStyles();
  const open = props.conflitti !== null;
  const list = props.conflitti ?? [];
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, d) => !d.open && props.onChoose("annulla")}>
      <DialogSurface aria-describedby="peg-confirm-intro">
        <DialogBody>
          <DialogTitle>{pane.confirm.title}</DialogTitle>
          <DialogContent>
            <Text id="peg-confirm-intro">{pane.confirm.intro(list.length)}</Text>
            {/* tabIndex: a long list must scroll from the keyboard too. */}
            <ul className={s.list} aria-label={pane.confirm.listLabel} tabIndex={0} data-testid="conflitti">
              {list.map((c) => (
                <li key={`${c.foglio}!${c.cella}`}>
                  {pane.confirm.row(
                    c.foglio,
                    c.cella,
                    formatScalar(c.attuale, pane.confirm.empty),
                    formatScalar(c.nuovo ?? null, pane.confirm.empty),
                  )}
                </li>
              ))}
            </ul>
          </DialogContent>
          <DialogActions className={s.actions}>
            <Button appearance="primary" onClick={() => props.onChoose("sovrascrivi")}>
              {pane.confirm.sovrascrivi}
            </Button>
            <Button onClick={() => props.onChoose("soloLibere")}>{pane.confirm.soloLibere}</Button>
            <Button appearance="subtle" onClick={() => props.onChoose("annulla")}>
              {pane.confirm.annulla}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
