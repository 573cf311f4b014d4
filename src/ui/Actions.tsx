/** The pane's actions, mirroring the ribbon; the rarer ones sit in a menu to fit a 320 px pane. */
import { Button, makeStyles, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, tokens, Tooltip } from "@fluentui/react-components";
import {
  ArrowDownload20Regular,
  ArrowUndo20Regular,
  Calculator20Regular,
  CalendarCancel20Regular,
  CalendarCheckmark20Regular,
  CalendarLtr20Regular,
  ClipboardTaskListLtr20Regular,
  DocumentAdd20Regular,
  Eraser20Regular,
  Highlight20Regular,
  MoreHorizontal20Regular,
} from "@fluentui/react-icons";
import { pane } from "../strings/it";
import type { Operazione } from "../app/pane-host";

const useStyles = makeStyles({
  bar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, rowGap: tokens.spacingVerticalXS },
});

export interface ActionsProps {
  busy: boolean;
  canUndo: boolean;
  canDownload: boolean | null;
  onVerifica: () => void;
  onOperazione: (op: Operazione) => void;
  onUndo: () => void;
  onDownload: () => void;
}

export function Actions(p: ActionsProps) {
  const s = useStyles();
  const d = p.busy;
  return (
    <div className={s.bar} role="toolbar" aria-label={pane.actionsLabel} data-testid="actions">
      <Button appearance="primary" size="small" icon={<ClipboardTaskListLtr20Regular />} onClick={p.onVerifica} disabled={d}>
        {pane.actions.verifica}
      </Button>
      <Button size="small" icon={<Calculator20Regular />} onClick={() => p.onOperazione({ tipo: "esiti" })} disabled={d}>
        {pane.actions.esiti}
      </Button>
      <Tooltip content={pane.hints.segno} relationship="description">
        <Button
          size="small"
          icon={<CalendarLtr20Regular />}
          onClick={() => p.onOperazione({ tipo: "segno", segno: "previsto" })}
          disabled={d}
        >
          {pane.actions.previsto}
        </Button>
      </Tooltip>
      <Tooltip content={pane.hints.segno} relationship="description">
        <Button
          size="small"
          icon={<CalendarCheckmark20Regular />}
          onClick={() => p.onOperazione({ tipo: "segno", segno: "effettivo" })}
          disabled={d}
        >
          {pane.actions.effettivo}
        </Button>
      </Tooltip>
      <Button size="small" icon={<ArrowUndo20Regular />} onClick={p.onUndo} disabled={d || !p.canUndo}>
        {pane.actions.annulla}
      </Button>
      {p.canDownload !== null && (
        <Button size="small" icon={<ArrowDownload20Regular />} onClick={p.onDownload} disabled={d || !p.canDownload}>
          {pane.actions.scarica}
        </Button>
      )}
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Button size="small" icon={<MoreHorizontal20Regular />} disabled={d}>
            {pane.actions.altre}
          </Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <MenuItem icon={<CalendarCancel20Regular />} onClick={() => p.onOperazione({ tipo: "segno", segno: "togli" })}>
              {pane.actions.togli}
            </MenuItem>
            <MenuItem icon={<Highlight20Regular />} onClick={() => p.onOperazione({ tipo: "evidenziazioni" })}>
              {pane.actions.evidenzia}
            </MenuItem>
            <MenuItem icon={<Eraser20Regular />} onClick={() => p.onOperazione({ tipo: "pulisciEvidenziazioni" })}>
              {pane.actions.pulisci}
            </MenuItem>
            <MenuItem icon={<DocumentAdd20Regular />} onClick={() => p.onOperazione({ tipo: "nuovaScheda" })}>
              {pane.actions.nuovaScheda}
            </MenuItem>
          </MenuList>
        </MenuPopover>
      </Menu>
    </div>
  );
}
