/** The Relazione sulla performance as .docx: outline (domain) → document bytes (this host). */
import { buildRelazione } from "../../domain/relazione/build";
import type { RelazioneInput } from "../../domain/relazione/model";
import { relazioneDocx } from "./write";

export { relazioneDocx } from "./write";
export { barChartPng } from "./bar-chart";

export async function relazioneBytes(input: RelazioneInput): Promise<Uint8Array> {
  return relazioneDocx(buildRelazione(input));
}
