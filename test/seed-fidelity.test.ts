/**
 * The demo data must be the customer's own words. Every text in data/demo/zoetermeer.yaml is checked, sentence
 * by sentence, against the seed document (shared/seed, beside the repository), with the document's markdown,
 * footnotes and running page headers taken out and its line and page breaks joined.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../src/config.js';
import { readDemoData, type DemoData } from '../src/db/demo-data.js';

const seedFile = path.join(projectRoot, '..', 'shared', 'seed', '000_85a0565625d503e1.txt');
const haveSeed = existsSync(seedFile);
if (!haveSeed) console.log(`seed-fidelity tests: ${seedFile} is not beside this clone, so the demo data is not compared with it.`);

function normalise(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^\s*<sup>\d+<\/sup>/.test(line) && !/^#+\s*LEA uitvoeringsagenda 2025-2026 – Gemeente Zoetermeer/.test(line))
    .map((line) => line.replace(/^\s*#+\s*/, '').replace(/^\s*(?:[-✓]|\d+\.)\s+/, ''))
    .join(' ')
    .replace(/<sup>\d+<\/sup>/g, '')
    .replace(/\*+/g, '')
    .replace(/\s+/g, ' ');
}

function sentences(text: string): string[] {
  return normalise(text)
    .split(/(?<=[.?!:,])\s+/)
    .map((part) => part.trim())
    .filter(Boolean);
}

function textsOf(data: DemoData): string[] {
  const texts: (string | null)[] = [
    ...data.ambities.map((a) => a.omschrijving),
    data.uitvoeringsagenda.voorwoord,
    data.uitvoeringsagenda.evaluatie,
    data.uitvoeringsagenda.stuurgroepToelichting,
    data.oabAfspraken.toelichting,
    ...data.oabAfspraken.categorieen.flatMap((c) => [c.naam, ...c.afspraken]),
    ...data.actielijnen.flatMap((al) => [
      al.titel,
      al.beleidsthema,
      ...al.focusdoelen.flatMap((fd) => [fd.tekst, ...fd.subpunten]),
      ...al.betrokkenen.map((b) => b.naam),
    ]),
    ...data.gremia.flatMap((g) => [g.omschrijving, g.opdracht]),
    ...data.personen.flatMap((p) => [p.naam, p.functie]),
  ];
  return texts.filter((text): text is string => Boolean(text));
}

describe.runIf(haveSeed)('the demo data against the seed document', () => {
  let seed: string;
  let data: DemoData;
  beforeAll(async () => {
    seed = normalise(readFileSync(seedFile, 'utf8'));
    data = await readDemoData();
  });

  it('contains only sentences that stand in the document word for word', () => {
    const missing = textsOf(data).flatMap(sentences).filter((sentence) => !seed.includes(sentence));
    expect(missing).toEqual([]);
  });

  it('contains every focusdoel and OAB-afspraak of the document', () => {
    const focusdoelen = data.actielijnen.flatMap((al) => al.focusdoelen.map((fd) => fd.tekst));
    expect(focusdoelen).toHaveLength(7);
    const afspraken = data.oabAfspraken.categorieen.flatMap((c) => c.afspraken);
    // The document numbers its afspraken 1.–n. per category: count the numbered lines of that section.
    const section = readFileSync(seedFile, 'utf8').split('## Afspraken onderwijsachterstandenbeleid')[1]!.split('## Focus en ambities')[0]!;
    expect(afspraken).toHaveLength(section.split('\n').filter((line) => /^\d+\.\s/.test(line)).length);
  });
});
