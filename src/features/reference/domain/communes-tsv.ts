/**
 * The committed `data/communes.tsv`: one commune per line, tab-separated
 * code, name, département, postal codes (space-separated), population, latitude, longitude, approximate (0/1).
 */
import type { PositionedCommune } from './commune-join.ts';

export const COMMUNES_TSV_HEADER = 'code\tname\tdepartement\tpostal_codes\tpopulation\tlatitude\tlongitude\tapproximate';

/** Four decimals of a degree are about 10 m: plenty for a town's position, and a smaller file. */
function roundCoordinate(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

/** The file's text, header first, communes in the given order. */
export function formatCommunesTsv(communes: PositionedCommune[]): string {
  const lines = communes.map((c) =>
    [c.code, c.name, c.departement, c.postal_codes.join(' '), c.population, roundCoordinate(c.latitude),
      roundCoordinate(c.longitude), c.approximate_position ? 1 : 0].join('\t'));
  return `${COMMUNES_TSV_HEADER}\n${lines.join('\n')}\n`;
}

/** Reads the file back; throws on a malformed line, since the file is ours and committed. */
export function parseCommunesTsv(text: string): PositionedCommune[] {
  const [header, ...lines] = text.split('\n').filter((line) => line.length > 0);
  if (header !== COMMUNES_TSV_HEADER) throw new Error('communes.tsv: unexpected header');
  return lines.map((line, index) => {
    const fields = line.split('\t');
    const latitude = Number(fields[5]);
    const longitude = Number(fields[6]);
    if (fields.length !== 8 || !Number.isFinite(latitude) || !Number.isFinite(longitude)) {
      throw new Error(`communes.tsv: malformed line ${index + 2}`);
    }
    return {
      code: fields[0]!, name: fields[1]!, departement: fields[2]!,
      postal_codes: fields[3] ? fields[3].split(' ') : [], population: Number(fields[4]),
      latitude, longitude, approximate_position: fields[7] === '1',
    };
  });
}
