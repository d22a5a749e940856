import { describe, expect, it } from 'vitest';
import type { GremiumType } from '../../db/schema.js';
import { layoutDiagram, wrapText, type DiagramBox } from './structure-diagram.js';

const gremium = (id: string, type: GremiumType) => ({ id, naam: `Gremium ${id}`, type });

function overlaps(a: DiagramBox, b: DiagramBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('layoutDiagram', () => {
  const input = {
    gremia: [
      gremium('tafel1', 'overlegtafel'),
      gremium('sg', 'stuurgroep'),
      gremium('bp', 'bestuurlijk-platform'),
      gremium('kt', 'kernteam'),
      gremium('tafel2', 'overlegtafel'),
      gremium('wg', 'werkgroep'),
      gremium('tb', 'bijeenkomst'),
    ],
    relaties: [
      { vanGremiumId: 'sg', naarGremiumId: 'bp', soort: 'informeert' as const },
      { vanGremiumId: 'sg', naarGremiumId: 'kt', soort: 'overlegt-met' as const },
      { vanGremiumId: 'tafel1', naarGremiumId: 'sg', soort: 'rapporteert-aan' as const },
      { vanGremiumId: 'onbekend', naarGremiumId: 'sg', soort: 'rapporteert-aan' as const },
    ],
  };
  const layout = layoutDiagram(input);
  const box = (id: string) => layout.boxes.find((b) => b.id === id)!;

  it('puts the platform on top, the stuurgroep between its partners, and the tables below', () => {
    expect(box('bp').y).toBeLessThan(box('sg').y);
    expect(box('sg').y).toBeLessThan(box('tafel1').y);
    expect(box('kt').y).toBe(box('sg').y);
    expect(box('tb').x).toBeLessThan(box('sg').x);
    expect(box('sg').x).toBeLessThan(box('kt').x);
    expect(box('wg').y).toBe(box('tafel2').y);
  });

  it('draws every box once, inside the canvas, without overlaps', () => {
    expect(layout.boxes).toHaveLength(input.gremia.length);
    for (const b of layout.boxes) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(layout.width);
      expect(b.y + b.height).toBeLessThanOrEqual(layout.legendY);
      for (const other of layout.boxes) if (other !== b) expect(overlaps(b, other)).toBe(false);
    }
  });

  it('connects related boxes at their borders and skips relations to unknown gremia', () => {
    expect(layout.edges).toHaveLength(3);
    const [informeert, overlegt, rapporteert] = layout.edges;
    expect(informeert!.from).toEqual({ x: box('sg').x + box('sg').width / 2, y: box('sg').y });
    expect(informeert!.to).toEqual({ x: box('bp').x + box('bp').width / 2, y: box('bp').y + box('bp').height });
    expect(overlegt!.from.x).toBe(box('sg').x + box('sg').width);
    expect(overlegt!.to.x).toBe(box('kt').x);
    expect(rapporteert!.from.y).toBe(box('tafel1').y);
    expect(rapporteert!.to.y).toBe(box('sg').y + box('sg').height);
  });

  it('copes with no gremia at all', () => {
    const empty = layoutDiagram({ gremia: [], relaties: [] });
    expect(empty.boxes).toEqual([]);
    expect(empty.width).toBeGreaterThan(0);
  });
});

describe('wrapText', () => {
  it('breaks at spaces within the line length', () => {
    expect(wrapText('Zorgcoördinatoren overleg', 22)).toEqual(['Zorgcoördinatoren', 'overleg']);
    expect(wrapText('Stuurgroep LEA', 22)).toEqual(['Stuurgroep LEA']);
  });

  it('ends a name that needs more than three lines in an ellipsis', () => {
    const lines = wrapText('een heel lange naam van een overleg dat nergens in een vak past', 12, 3);
    expect(lines).toHaveLength(3);
    expect(lines[2]!.endsWith('…')).toBe(true);
    expect(lines.every((line) => line.length <= 12)).toBe(true);
  });
});
