/**
 * Lays out the LEA structure (gremia and how they relate) as boxes in layers, for drawing as SVG:
 * the bestuurlijk platform on top, the stuurgroep with its partners in the middle, the tables that report
 * to it below. Pure geometry, so it is tested without a browser.
 */
import type { GremiumRelatieSoort, GremiumType } from '../../db/schema.js';

export interface DiagramInput {
  gremia: { id: string; naam: string; type: GremiumType }[];
  relaties: { vanGremiumId: string; naarGremiumId: string; soort: GremiumRelatieSoort }[];
}

export interface DiagramBox {
  id: string;
  naam: string;
  type: GremiumType;
  x: number;
  y: number;
  width: number;
  height: number;
  lines: string[];
}

export interface DiagramEdge {
  soort: GremiumRelatieSoort;
  from: { x: number; y: number };
  to: { x: number; y: number };
}

export interface DiagramLayout {
  width: number;
  height: number;
  boxes: DiagramBox[];
  edges: DiagramEdge[];
  legendY: number;
}

const layerOfType: Record<GremiumType, number> = {
  'bestuurlijk-platform': 0,
  bijeenkomst: 1,
  stuurgroep: 1,
  kernteam: 1,
  overlegtafel: 2,
  werkgroep: 2,
};
/** Within the middle layer the stuurgroep stands between the bijeenkomsten and the kernteams. */
const orderInLayer: Record<GremiumType, number> = {
  'bestuurlijk-platform': 0,
  bijeenkomst: 0,
  stuurgroep: 1,
  kernteam: 2,
  overlegtafel: 0,
  werkgroep: 1,
};

export const BOX_WIDTH = 190;
const BOX_HEIGHT = 78;
// Wide enough for two arrowheads between neighbours (the stuurgroep and the kernteam it meets with).
const GAP_X = 64;
const GAP_Y = 96;
const MARGIN = 24;
const LEGEND_HEIGHT = 92;
const MAX_CHARS_PER_LINE = 22;
const MAX_LINES = 3;

/** Breaks a name into at most three lines that fit a box; a longer name ends in an ellipsis. */
export function wrapText(text: string, maxChars = MAX_CHARS_PER_LINE, maxLines = MAX_LINES): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (current && `${current} ${word}`.length > maxChars) {
      lines.push(current);
      current = word;
    } else {
      current = current ? `${current} ${word}` : word;
    }
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, maxChars - 1)}…`;
  return kept;
}

export function layoutDiagram(input: DiagramInput): DiagramLayout {
  const layers: DiagramInput['gremia'][] = [[], [], []];
  for (const g of input.gremia) layers[layerOfType[g.type]]!.push(g);
  for (const layer of layers) layer.sort((a, b) => orderInLayer[a.type] - orderInLayer[b.type]);
  const usedLayers = layers.filter((layer) => layer.length > 0);
  const widest = Math.max(1, ...usedLayers.map((layer) => layer.length));
  const width = MARGIN * 2 + widest * BOX_WIDTH + (widest - 1) * GAP_X;

  const boxes: DiagramBox[] = [];
  usedLayers.forEach((layer, row) => {
    const rowWidth = layer.length * BOX_WIDTH + (layer.length - 1) * GAP_X;
    const startX = (width - rowWidth) / 2;
    layer.forEach((g, column) => {
      boxes.push({
        id: g.id,
        naam: g.naam,
        type: g.type,
        x: startX + column * (BOX_WIDTH + GAP_X),
        y: MARGIN + row * (BOX_HEIGHT + GAP_Y),
        width: BOX_WIDTH,
        height: BOX_HEIGHT,
        lines: wrapText(g.naam),
      });
    });
  });

  const byId = new Map(boxes.map((box) => [box.id, box]));
  const edges: DiagramEdge[] = [];
  for (const relatie of input.relaties) {
    const from = byId.get(relatie.vanGremiumId);
    const to = byId.get(relatie.naarGremiumId);
    if (!from || !to) continue;
    edges.push({ soort: relatie.soort, ...connect(from, to) });
  }

  const diagramBottom = MARGIN + usedLayers.length * BOX_HEIGHT + Math.max(0, usedLayers.length - 1) * GAP_Y;
  return { width, height: diagramBottom + MARGIN + LEGEND_HEIGHT, boxes, edges, legendY: diagramBottom + MARGIN };
}

/** The points where a line between two boxes leaves the first and enters the second. */
function connect(from: DiagramBox, to: DiagramBox): { from: { x: number; y: number }; to: { x: number; y: number } } {
  const fromCenter = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
  const toCenter = { x: to.x + to.width / 2, y: to.y + to.height / 2 };
  if (from.y === to.y) {
    const leftToRight = fromCenter.x < toCenter.x;
    return {
      from: { x: leftToRight ? from.x + from.width : from.x, y: fromCenter.y },
      to: { x: leftToRight ? to.x : to.x + to.width, y: toCenter.y },
    };
  }
  const downward = fromCenter.y < toCenter.y;
  return {
    from: { x: fromCenter.x, y: downward ? from.y + from.height : from.y },
    to: { x: toCenter.x, y: downward ? to.y : to.y + to.height },
  };
}
