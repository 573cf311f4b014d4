/** A small consolidation with a hostile titolo, shared by the sheet tests. */
import { consolidate, type Consolidation } from "../../../src/domain/consolidation";
import { DEFAULT_SETTINGS } from "../../../src/domain/settings";
import { fase, indicatore, persona, report, scheda, segnalazione } from "../../domain/consolidation/fixtures";

export const EVIL = '=HYPERLINK("http://evil","x")';

export function sample(): Consolidation {
  return consolidate(
    [
      {
        file: "settore-1.xlsx",
        report: report(
          "settore-1.xlsx",
          [
            scheda("Ente", {
              tipo: "ente",
              titolo: "Performance di ente",
              personale: [persona("Marina Comi", 20, 20)],
              indicatori: [
                {
                  ...indicatore("OK", 100, "Tempestività pagamenti"),
                  tipo: "numero",
                  atteso: 0,
                  realizzato: -8,
                },
                {
                  ...indicatore("OK", 100, "Monitoraggio"),
                  tipo: "data",
                  atteso: "2023-12-15",
                  realizzato: "2023-12-01",
                },
                {
                  ...indicatore("PARZIALE", 60, "Rispetto parametri"),
                  atteso: 100,
                  realizzato: 60,
                },
              ],
              mediaValoreRaggiunto: 86.67,
            }),
            scheda("Ob 1", {
              numero: "1.06.01",
              titolo: EVIL,
              pesatura: 40,
              personale: [persona("+Marina Comi", 50, 50), persona("@Mario Rossi", 50, 50)],
              fasi: [fase(2, "in ritardo", [3, 4], [4, 5], "-Fase in ritardo")],
              indicatori: [indicatore("OK", 100), indicatore("NON RAGGIUNTO", 0)],
              mediaValoreRaggiunto: 50,
              mediaRispettoTempi: 0,
            }),
          ],
          [segnalazione("Ob 1", "EFFETTIVO_FUTURO", "errore", "F30")],
        ),
        extra: {
          schede: {
            "Ob 1": {
              obiettivoStrategico: "@SUM(A1:A2)",
              missioneProgramma: "-1+2",
            },
          },
        },
      },
      {
        file: "settore-2.xlsx",
        report: report("settore-2.xlsx", [
          scheda("Ob A", {
            numero: "2.01.01",
            titolo: "Manutenzioni",
            pesatura: 60,
            personale: [persona("COMI MARINA", 100, 90)],
            indicatori: [indicatore("OK", 100)],
            mediaValoreRaggiunto: 100,
            mediaRispettoTempi: 100,
          }),
        ]),
      },
    ],
    DEFAULT_SETTINGS,
    {
      nonLetti: [
        {
          file: "rotto.xlsx",
          motivo: "Il file non è una cartella di lavoro di Excel.",
        },
      ],
    },
  );
}
