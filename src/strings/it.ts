/**
 * Every string a user reads, in Italian, in one module so that a second language can be added.
 * Sections are by area; each area appends to its own section only.
 */

// ── Errori sui file (tutti i front end) ────────────────────────────────────────────────────────
export const fileErrors = {
  generic: "Si è verificato un errore imprevisto. Riprovare; se il problema persiste, segnalarlo all'assistenza.",
};

// ── Segnalazioni (motore) ──────────────────────────────────────────────────────────────────────
// (added by the engine: see src/domain/diagnostics.ts)

// ── Riga di comando ────────────────────────────────────────────────────────────────────────────

// ── Riquadro attività e comandi della barra multifunzione ─────────────────────────────────────

// ── Consolidamento ─────────────────────────────────────────────────────────────────────────────

// ── Anteprima nel browser ──────────────────────────────────────────────────────────────────────
