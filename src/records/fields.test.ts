/**
 * The field rules of every record kind: what each field type accepts from the API and from the form, the Dutch
 * message it refuses with, how a value goes into the form and back, and how it reads for people.
 */
import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { gremium } from '../db/schema.js';
import { t } from '../i18n/index.js';
import { CODE_PATTERN, checkboxes, code, date, lines, reference, requiredText, select, text, wholeNumber, type Field, type Option } from './fields.js';

const request = {} as FastifyRequest;

// Each describe declares its fields as functions that make them, called inside the tests: a field that cannot be
// made (a message missing from the catalogue, say) then fails the tests that use it, not the collection of the file.

/** The value the schema gives, or the messages it refuses with (`schema`: another than the field's own). */
function parse<V>(field: { schema: z.ZodType<V> }, input: unknown, schema: z.ZodType<V> = field.schema): { value: V } | { messages: string[] } {
  const result = schema.safeParse(input);
  return result.success ? { value: result.data } : { messages: result.error.issues.map((issue) => issue.message) };
}

/** The first message, as the form shows it at the field. */
function refusal(field: { schema: z.ZodType<unknown> }, input: unknown): string | undefined {
  const result = parse(field, input);
  return 'messages' in result ? result.messages[0] : undefined;
}

/** What the form's text becomes after the widget and the schema, as the service receives it. */
function fromForm<V>(field: Pick<Field<V, unknown>, 'schema' | 'fromForm'>, raw: string): { value: V } | { messages: string[] } {
  return parse(field, field.fromForm(raw));
}

describe('text', () => {
  const titel = () => requiredText({ label: 'bewerken.actielijn.veldTitel', empty: 'bewerken.actielijn.titelLeeg', max: 10, widget: 'textarea', rows: 3 });
  const kernwoord = () => text({ label: 'bewerken.actielijn.veldKernwoord', hint: 'bewerken.actielijn.kernwoordHint', max: 10 });
  const email = () => text({
    label: 'governance.persoon.veldEmail',
    max: 254,
    checks: [
      { test: (v) => v.includes('@'), message: 'governance.persoon.emailOngeldig' },
      { test: (v) => !v.endsWith('.invalid'), message: 'fout.veld.emailOngeldig' },
    ],
    input: { type: 'email', spellcheck: false },
  });

  it('takes a required text without the spaces around it, and line endings as \\n', () => {
    expect(parse(titel(), '  Samen \r\n')).toEqual({ value: 'Samen' });
    expect(parse(titel(), 'a\r\nb')).toEqual({ value: 'a\nb' });
    expect(parse(titel(), 'a\r\nb\r\nc')).toEqual({ value: 'a\nb\nc' });
  });

  it('refuses a required text that is empty, only spaces or not text, with its own message', () => {
    const leeg = t('bewerken.actielijn.titelLeeg');
    expect(parse(titel(), '')).toEqual({ messages: [leeg] });
    expect(parse(titel(), '  \r\n ')).toEqual({ messages: [leeg] });
    expect(parse(titel(), null)).toEqual({ messages: [leeg] });
    expect(parse(titel(), undefined)).toEqual({ messages: [leeg] });
    expect(parse(titel(), 42)).toEqual({ messages: [leeg] });
  });

  it('refuses more characters than the maximum, counted after tidying', () => {
    expect(parse(titel(), 'x'.repeat(10))).toEqual({ value: 'x'.repeat(10) });
    expect(parse(titel(), `  ${'x'.repeat(10)}  `)).toEqual({ value: 'x'.repeat(10) });
    expect(parse(titel(), 'x'.repeat(11))).toEqual({ messages: [t('fout.veld.teLang', { max: 10 })] });
    expect(t('fout.veld.teLang', { max: 10 })).toBe('Gebruik hoogstens 10 tekens.');
    expect(parse(kernwoord(), 'x'.repeat(11))).toEqual({ messages: [t('fout.veld.teLang', { max: 10 })] });
  });

  it('stores an optional text left empty as null', () => {
    expect(parse(kernwoord(), '')).toEqual({ value: null });
    expect(parse(kernwoord(), '   ')).toEqual({ value: null });
    expect(parse(kernwoord(), null)).toEqual({ value: null });
    expect(parse(kernwoord(), ' vet ')).toEqual({ value: 'vet' });
  });

  it('refuses an optional value that is not text', () => {
    expect(parse(kernwoord(), 42)).toEqual({ messages: [t('fout.veld.tekst')] });
    expect(parse(kernwoord(), ['vet'])).toEqual({ messages: [t('fout.veld.tekst')] });
  });

  it('applies extra checks to a filled-in text only, with the message of the first that fails', () => {
    expect(parse(email(), 'jan@example.nl')).toEqual({ value: 'jan@example.nl' });
    expect(parse(email(), 'jan.example.nl')).toEqual({ messages: [t('governance.persoon.emailOngeldig')] });
    expect(parse(email(), 'jan@example.invalid')).toEqual({ messages: [t('fout.veld.emailOngeldig')] });
    expect(parse(email(), '')).toEqual({ value: null });
    expect(parse(email(), null)).toEqual({ value: null });
  });

  it('does not add a check message to the empty message of a required text', () => {
    const naam = requiredText({ label: 'governance.persoon.veldNaam', empty: 'governance.persoon.naamLeeg', max: 200, checks: [{ test: () => false, message: 'governance.persoon.emailOngeldig' }] });
    expect(parse(naam, ' ')).toEqual({ messages: [t('governance.persoon.naamLeeg')] });
    expect(parse(naam, 'Jan')).toEqual({ messages: [t('governance.persoon.emailOngeldig')] });
  });

  it('is required exactly when it has an empty message; the widget is a line of text unless declared', () => {
    expect(titel()).toMatchObject({ required: true, widget: 'textarea', editable: 'always', label: 'bewerken.actielijn.veldTitel' });
    expect(kernwoord()).toMatchObject({ required: false, widget: 'text', hint: 'bewerken.actielijn.kernwoordHint' });
    expect(titel().input).toEqual({ rows: 3 });
    expect(email().input).toEqual({ type: 'email', spellcheck: false });
  });

  it('goes into the form as it is, null as empty, and reads the same way', () => {
    expect(kernwoord().fromForm('  ruw\r\n')).toBe('  ruw\r\n');
    expect(kernwoord().toForm(null)).toBe('');
    expect(kernwoord().toForm('vet')).toBe('vet');
    expect(kernwoord().display(null, [])).toBe('');
    expect(kernwoord().display('vet', [])).toBe('vet');
    expect(kernwoord().toInput('vet')).toBe('vet');
  });
});

describe('code', () => {
  const slug = () => code({ label: 'governance.gremium.veldSlug', max: 20, invalid: 'governance.codeVorm', editable: 'update' });
  const ambitieCode = () => code({ label: 'ambitieBewerken.veldCode', max: 80, empty: 'ambitieBewerken.codeLeeg', invalid: 'ambitieBewerken.codeVorm' });
  const vorm = t('governance.codeVorm');

  it('takes lower-case words and digits joined by single hyphens, without the spaces around them', () => {
    expect(parse(slug(), 'gelijke-kansen')).toEqual({ value: 'gelijke-kansen' });
    expect(parse(slug(), ' lea-2025 ')).toEqual({ value: 'lea-2025' });
    expect(parse(slug(), 'po')).toEqual({ value: 'po' });
    expect(CODE_PATTERN.test('a-b-c')).toBe(true);
  });

  it('refuses anything else with the message about its form', () => {
    for (const bad of ['Gelijke-kansen', 'gelijke kansen', 'gelijke--kansen', '-kansen', 'kansen-', 'kansen_po', 'café']) {
      expect(parse(slug(), bad), bad).toEqual({ messages: [vorm] });
    }
    expect(refusal(slug(), 42)).toBe(vorm);
    expect(refusal(slug(), null)).toBe(vorm);
  });

  it('refuses an empty code with the empty message when there is one, else with the one about its form', () => {
    expect(refusal(ambitieCode(), '')).toBe(t('ambitieBewerken.codeLeeg'));
    expect(refusal(ambitieCode(), '   ')).toBe(t('ambitieBewerken.codeLeeg'));
    expect(refusal(slug(), '')).toBe(vorm);
  });

  it('refuses more characters than the maximum', () => {
    expect(parse(slug(), 'a'.repeat(20))).toEqual({ value: 'a'.repeat(20) });
    expect(parse(slug(), 'a'.repeat(21))).toEqual({ messages: [t('fout.veld.teLang', { max: 20 })] });
  });

  it('without an empty message: not required, and left empty in the form it keeps the stored code', () => {
    expect(slug()).toMatchObject({ required: false, keepWhenEmpty: true, editable: 'update', widget: 'text', input: { spellcheck: false } });
    expect(slug().fromForm('')).toBeUndefined();
    expect(slug().fromForm('   ')).toBeUndefined();
    expect(slug().fromForm(' po ')).toBe(' po ');
  });

  it('with an empty message: required, and an empty form field is refused with that message', () => {
    expect(ambitieCode()).toMatchObject({ required: true, keepWhenEmpty: false, editable: 'always' });
    expect(ambitieCode().fromForm('  ')).toBe('  ');
    expect(refusal(ambitieCode(), ambitieCode().fromForm('  '))).toBe(t('ambitieBewerken.codeLeeg'));
    expect(fromForm(ambitieCode(), ' gelijke-kansen ')).toEqual({ value: 'gelijke-kansen' });
  });

  it('goes into the form and reads as it is, nothing as empty', () => {
    expect(slug().toForm(undefined)).toBe('');
    expect(slug().toForm('po')).toBe('po');
    expect(slug().display(undefined, [])).toBe('');
    expect(slug().display('po', [])).toBe('po');
  });
});

describe('wholeNumber', () => {
  const volgorde = () => wholeNumber({
    label: 'ambitieBewerken.veldVolgorde',
    createHint: 'ambitieBewerken.volgordeHintNieuw',
    min: 1,
    max: 999,
    invalid: 'ambitieBewerken.volgordeOngeldig',
    empty: 'ambitieBewerken.volgordeLeeg',
    nullable: 'create',
  });
  const jaar = () => wholeNumber({ label: 'oabBewerken.veldJaar', min: 2000, max: 2100, invalid: 'oabBewerken.jaarOngeldig' });
  const optioneel = () => wholeNumber({ label: 'oabBewerken.veldJaar', min: 2000, max: 2100, invalid: 'oabBewerken.jaarOngeldig', nullable: true });
  const ongeldig = t('ambitieBewerken.volgordeOngeldig');

  it('takes a whole number from the minimum to the maximum', () => {
    expect(parse(volgorde(), 1)).toEqual({ value: 1 });
    expect(parse(volgorde(), 999)).toEqual({ value: 999 });
    expect(parse(jaar(), 2026)).toEqual({ value: 2026 });
  });

  it('refuses a number outside the range, a fraction and a number sent as text, with the invalid message', () => {
    for (const bad of [0, 1000, -1, 1.5, '5', Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(parse(volgorde(), bad), String(bad)).toEqual({ messages: [ongeldig] });
    }
    expect(parse(jaar(), 1999)).toEqual({ messages: [t('oabBewerken.jaarOngeldig')] });
    expect(parse(jaar(), 2101)).toEqual({ messages: [t('oabBewerken.jaarOngeldig')] });
  });

  it('refuses a missing number with the empty message when there is one, else with the invalid message', () => {
    expect(refusal(volgorde(), undefined)).toBe(t('ambitieBewerken.volgordeLeeg'));
    expect(refusal(volgorde(), null)).toBe(t('ambitieBewerken.volgordeLeeg'));
    expect(refusal(volgorde(), 'tien')).toBe(ongeldig);
    expect(refusal(jaar(), undefined)).toBe(t('oabBewerken.jaarOngeldig'));
    expect(refusal(jaar(), null)).toBe(t('oabBewerken.jaarOngeldig'));
  });

  it("nullable 'create': required on a record that exists, may be left empty for a new one (the kind picks it)", () => {
    expect(volgorde().required).toBe(true);
    expect(volgorde().widget).toBe('number');
    expect(volgorde().input).toEqual({ inputmode: 'numeric' });
    expect(volgorde().onCreate?.required).toBe(false);
    expect(volgorde().onCreate?.hint).toBe('ambitieBewerken.volgordeHintNieuw');
    expect(parse(volgorde(), null, volgorde().onCreate!.schema)).toEqual({ value: null });
    expect(parse(volgorde(), 7, volgorde().onCreate!.schema)).toEqual({ value: 7 });
    expect(parse(volgorde(), 0, volgorde().onCreate!.schema)).toEqual({ messages: [ongeldig] });
  });

  it('nullable: not required, empty is null', () => {
    expect(optioneel().required).toBe(false);
    expect(optioneel().onCreate).toBeUndefined();
    expect(parse(optioneel(), null)).toEqual({ value: null });
    expect(parse(optioneel(), 2026)).toEqual({ value: 2026 });
    expect(jaar().required).toBe(true);
    expect(jaar().onCreate).toBeUndefined();
  });

  it('reads digits from the form as a number, and anything else as text the schema refuses', () => {
    expect(jaar().fromForm(' 2026 ')).toBe(2026);
    expect(jaar().fromForm('007')).toBe(7);
    expect(jaar().fromForm('123456')).toBe(123456);
    expect(jaar().fromForm('1234567')).toBe('1234567');
    expect(jaar().fromForm('20 26')).toBe('20 26');
    expect(jaar().fromForm('-3')).toBe('-3');
    expect(jaar().fromForm('2026a')).toBe('2026a');
    expect(jaar().fromForm('a2026')).toBe('a2026');
    expect(fromForm(jaar(), '2026,5')).toEqual({ messages: [t('oabBewerken.jaarOngeldig')] });
  });

  it('reads an empty form field as null when it may be empty, else as missing', () => {
    expect(volgorde().fromForm('  ')).toBeNull();
    expect(optioneel().fromForm('')).toBeNull();
    expect(jaar().fromForm('')).toBeUndefined();
    expect(fromForm(jaar(), '')).toEqual({ messages: [t('oabBewerken.jaarOngeldig')] });
  });

  it('goes into the form and reads as digits, null as empty', () => {
    expect(jaar().toForm(2026)).toBe('2026');
    expect(jaar().toForm(null)).toBe('');
    expect(jaar().display(2026, [])).toBe('2026');
    expect(jaar().display(null, [])).toBe('');
    expect(jaar().display(0, [])).toBe('0');
    expect(jaar().toForm(0)).toBe('0');
  });
});

describe('select', () => {
  const statusOptions: Option[] = [
    { value: 'concept', label: 'Concept' },
    { value: 'vastgesteld', label: 'Vastgesteld' },
  ];
  const status = () => select({ label: 'agendaBewerken.veldStatus', values: ['concept', 'vastgesteld'], invalid: 'agendaBewerken.statusOnbekend', options: () => statusOptions });
  const type = () => select({
    label: 'governance.gremium.veldType',
    values: ['stuurgroep', 'overlegtafel'],
    invalid: 'governance.gremium.typeOnbekend',
    empty: 'governance.lidmaatschap.persoonLeeg',
    initial: 'overlegtafel',
    options: async () => statusOptions,
  });
  const optioneel = () => select({ label: 'agendaBewerken.veldStatus', values: ['concept', 'vastgesteld'], invalid: 'agendaBewerken.statusOnbekend', nullable: true, options: () => [] });

  it('takes one of the listed values, and refuses another with the invalid message', () => {
    expect(parse(status(), 'vastgesteld')).toEqual({ value: 'vastgesteld' });
    for (const bad of ['Vastgesteld', 'onbekend', 42, undefined, null, '']) {
      expect(parse(status(), bad), String(bad)).toEqual({ messages: [t('agendaBewerken.statusOnbekend')] });
    }
  });

  it('refuses no choice with the empty message when there is one', () => {
    const leeg = t('governance.lidmaatschap.persoonLeeg');
    expect(refusal(type(), undefined)).toBe(leeg);
    expect(refusal(type(), null)).toBe(leeg);
    expect(refusal(type(), '')).toBe(leeg);
    expect(refusal(type(), 'werkgroep')).toBe(t('governance.gremium.typeOnbekend'));
  });

  it('is required unless nullable; nullable, no choice is null', () => {
    expect(status()).toMatchObject({ required: true, widget: 'select' });
    expect(optioneel().required).toBe(false);
    expect(parse(optioneel(), null)).toEqual({ value: null });
    expect(parse(optioneel(), 'onbekend')).toEqual({ messages: [t('agendaBewerken.statusOnbekend')] });
    expect(type().initial).toBe('overlegtafel');
  });

  it('reads the form without spaces; an empty choice as null when nullable, else as missing', () => {
    expect(status().fromForm(' concept ')).toBe('concept');
    expect(status().fromForm(' ')).toBeUndefined();
    expect(optioneel().fromForm('')).toBeNull();
    expect(fromForm(type(), '')).toEqual({ messages: [t('governance.lidmaatschap.persoonLeeg')] });
  });

  it('offers the declared choices, sync or async', async () => {
    expect(await status().options!(request)).toEqual(statusOptions);
    expect(await type().options!(request)).toEqual(statusOptions);
  });

  it('reads as the label of the choice, the value itself when no choice has it, and nothing for null', () => {
    expect(status().display('vastgesteld', statusOptions)).toBe('Vastgesteld');
    expect(status().display('concept', statusOptions.slice(1))).toBe('concept');
    expect(status().display(null, statusOptions)).toBe('');
    expect(status().toForm('concept')).toBe('concept');
    expect(status().toForm(null)).toBe('');
  });
});

describe('reference', () => {
  const id = '0b6f3d0e-6d0c-4f57-9a43-6c1a0f1b2c3d';
  const naar = () => reference({
    label: 'governance.relatie.veldNaar',
    table: gremium,
    invalid: 'governance.relatie.naarOnbekend',
    empty: 'governance.lidmaatschap.persoonLeeg',
    options: async () => [{ value: id, label: 'Stuurgroep LEA' }],
  });
  const optioneel = () => reference({ label: 'betrokkeneBewerken.veldGremium', table: gremium, nullable: true, invalid: 'betrokkeneBewerken.gremiumOnbekend', options: async () => [] });

  it('takes the id of a record, and refuses anything that is not an id with the invalid message', () => {
    expect(parse(naar(), id)).toEqual({ value: id });
    expect(parse(naar(), 'stuurgroep')).toEqual({ messages: [t('governance.relatie.naarOnbekend')] });
    expect(parse(naar(), 12)).toEqual({ messages: [t('governance.relatie.naarOnbekend')] });
    expect(refusal(naar(), '')).toBe(t('governance.lidmaatschap.persoonLeeg'));
    expect(parse(optioneel(), null)).toEqual({ value: null });
    expect(refusal(optioneel(), '')).toBe(t('betrokkeneBewerken.gremiumOnbekend'));
  });

  it('names the table the service checks the id against, with the invalid message', () => {
    expect(naar().references).toEqual({ table: gremium, message: 'governance.relatie.naarOnbekend' });
    expect(naar().required).toBe(true);
    expect(optioneel().required).toBe(false);
  });

  it('reads as the label of the chosen record', async () => {
    expect(naar().display(id, await naar().options!(request))).toBe('Stuurgroep LEA');
  });
});

describe('checkboxes', () => {
  const sectorOptions: Option[] = [
    { value: 'po', label: 'Primair onderwijs', text: 'het primair onderwijs' },
    { value: 'vo', label: 'Voortgezet onderwijs', text: 'het voortgezet onderwijs' },
    { value: 'mbo', label: 'Mbo' },
  ];
  const sector = z.enum(['po', 'vo', 'mbo'], { error: t('governance.veld.keuzeOnbekend') });
  const sectoren = () => checkboxes({ label: 'governance.organisatie.veldSectoren', item: sector, max: 3, unique: true, options: () => sectorOptions });
  const ambities = () => checkboxes({
    label: 'ambitieBewerken.actielijnVeld',
    item: z.string(),
    min: { count: 1, message: 'ambitieBewerken.actielijnGeen' },
    max: 2,
    join: 'lines',
    sort: true,
    options: async () => [
      { value: 'a', label: 'Zelfstandig' },
      { value: 'b', label: 'Aansluiting' },
    ],
  });
  type Namens = { sector: string } | { organisatieId: string };
  const key = (item: Namens) => ('sector' in item ? `sector:${item.sector}` : `organisatie:${item.organisatieId}`);
  const namens = () => checkboxes<Namens>({
    label: 'governance.lidmaatschap.veldNamens',
    item: z.union([z.object({ sector: z.string() }), z.object({ organisatieId: z.string() })]),
    max: 30,
    unique: true,
    join: 'sentence',
    encode: key,
    decode: (value) => (value.startsWith('organisatie:') ? { organisatieId: value.slice(12) } : { sector: value.slice(7) }),
    options: () => [
      { value: 'sector:po', label: 'Sector: po', text: 'het primair onderwijs' },
      { value: 'organisatie:x', label: 'Organisatie: De Regenboog', text: 'De Regenboog' },
      { value: 'organisatie:y', label: 'Organisatie: Het Atrium' },
    ],
  });

  it('takes a list of the allowed items, and refuses an item that is not, with its message', () => {
    expect(parse(sectoren(), ['po', 'mbo'])).toEqual({ value: ['po', 'mbo'] });
    expect(parse(sectoren(), [])).toEqual({ value: [] });
    expect(parse(sectoren(), ['po', 'hbo'])).toEqual({ messages: [t('governance.veld.keuzeOnbekend')] });
  });

  it('refuses a value that is not a list, in Dutch', () => {
    for (const bad of ['po', null, undefined, { po: true }]) {
      expect(refusal(sectoren(), bad), String(bad)).toBe(t('fout.veld.lijst'));
    }
  });

  it('refuses more than the maximum, with the number in the message', () => {
    expect(parse(ambities(), ['a', 'b'])).toEqual({ value: ['a', 'b'] });
    expect(parse(ambities(), ['a', 'b', 'c'])).toEqual({ messages: [t('fout.veld.teVeel', { max: 2 })] });
    expect(t('fout.veld.teVeel', { max: 2 })).toBe('Kies hoogstens 2.');
  });

  it('with a minimum: required, and refuses fewer with its message', () => {
    expect(ambities().required).toBe(true);
    expect(sectoren().required).toBe(false);
    expect(parse(ambities(), [])).toEqual({ messages: [t('ambitieBewerken.actielijnGeen')] });
    expect(parse(ambities(), ['a'])).toEqual({ value: ['a'] });
  });

  it('drops repeats when unique, keeping the first, compared by their form value', () => {
    expect(parse(sectoren(), ['vo', 'po', 'vo'])).toEqual({ value: ['vo', 'po'] });
    expect(parse(namens(), [{ sector: 'po' }, { organisatieId: 'x' }, { sector: 'po' }])).toEqual({ value: [{ sector: 'po' }, { organisatieId: 'x' }] });
    expect(parse(ambities(), ['a', 'a'])).toEqual({ value: ['a', 'a'] });
  });

  it('starts empty, as checkboxes', () => {
    expect(sectoren()).toMatchObject({ widget: 'checkboxes', initial: [] });
  });

  it('reads the checked values from the form, joined by commas, through decode', () => {
    expect(sectoren().fromForm('po,mbo')).toEqual(['po', 'mbo']);
    expect(sectoren().fromForm(' po , ,mbo, ')).toEqual(['po', 'mbo']);
    expect(sectoren().fromForm('')).toEqual([]);
    expect(namens().fromForm('sector:po,organisatie:x')).toEqual([{ sector: 'po' }, { organisatieId: 'x' }]);
    expect(fromForm(sectoren(), 'mbo,po,mbo')).toEqual({ value: ['mbo', 'po'] });
  });

  it('writes the form value through encode', () => {
    expect(sectoren().toForm(['po', 'vo'])).toBe('po,vo');
    expect(sectoren().toForm([])).toBe('');
    expect(namens().toForm([{ sector: 'po' }, { organisatieId: 'x' }])).toBe('sector:po,organisatie:x');
  });

  it('offers the declared choices', async () => {
    expect(await sectoren().options!(request)).toEqual(sectorOptions);
  });

  it('reads as the labels joined by commas, the form value when no choice has it', () => {
    expect(sectoren().display(['vo', 'po'], sectorOptions)).toBe('Voortgezet onderwijs, Primair onderwijs');
    expect(sectoren().display(['po', 'mbo'], sectorOptions.slice(0, 2))).toBe('Primair onderwijs, mbo');
    expect(sectoren().display([], sectorOptions)).toBe('');
  });

  it('reads one per line, sorted, when declared so', async () => {
    const options = await ambities().options!(request);
    expect(ambities().display(['a', 'b'], options)).toBe('Aansluiting\nZelfstandig');
    expect(ambities().display(['b', 'a'], options)).toBe('Aansluiting\nZelfstandig');
  });

  it('reads as a Dutch sentence of the texts for a sentence, falling back to the label and then the form value', async () => {
    const options = await namens().options!(request);
    expect(namens().display([{ sector: 'po' }, { organisatieId: 'x' }, { organisatieId: 'y' }], options)).toBe(
      `het primair onderwijs, De Regenboog ${t('lijst.en')} Organisatie: Het Atrium`,
    );
    expect(namens().display([{ organisatieId: 'z' }, { sector: 'po' }], options)).toBe('organisatie:z en het primair onderwijs');
    expect(namens().display([{ organisatieId: 'x' }], options)).toBe('De Regenboog');
  });

  it('does not use the sentence texts outside a sentence', () => {
    expect(sectoren().display(['po'], sectorOptions)).toBe('Primair onderwijs');
  });

  it('turns a loaded value into input with the declared toInput, else as it is', () => {
    const metRelatie = checkboxes<string, { id: string }[]>({
      label: 'ambitieBewerken.actielijnVeld',
      item: z.string(),
      max: 5,
      options: () => [],
      toInput: (loaded) => loaded.map((row) => row.id),
    });
    expect(metRelatie.toInput([{ id: 'a' }, { id: 'b' }])).toEqual(['a', 'b']);
    expect(sectoren().toInput(['po'])).toEqual(['po']);
  });
});

describe('lines', () => {
  const subpunten = () => lines({ label: 'bewerken.focusdoel.veldSubpunten', maxItems: 3, maxLength: 10, tooMany: 'bewerken.focusdoel.teVeelSubpunten' });

  it('takes a list of short texts without the spaces around them', () => {
    expect(parse(subpunten(), [' Taal ', 'Rekenen'])).toEqual({ value: ['Taal', 'Rekenen'] });
    expect(parse(subpunten(), [])).toEqual({ value: [] });
  });

  it('refuses an empty line, a line that is not text, a long line and too many lines, in Dutch', () => {
    expect(parse(subpunten(), ['Taal', ' '])).toEqual({ messages: [t('fout.veld.tekst')] });
    expect(parse(subpunten(), [3])).toEqual({ messages: [t('fout.veld.tekst')] });
    expect(parse(subpunten(), ['x'.repeat(10)])).toEqual({ value: ['x'.repeat(10)] });
    expect(parse(subpunten(), ['x'.repeat(11)])).toEqual({ messages: [t('fout.veld.teLang', { max: 10 })] });
    expect(parse(subpunten(), ['a', 'b', 'c'])).toEqual({ value: ['a', 'b', 'c'] });
    expect(parse(subpunten(), ['a', 'b', 'c', 'd'])).toEqual({ messages: [t('bewerken.focusdoel.teVeelSubpunten')] });
  });

  it('refuses a value that is not a list, in Dutch', () => {
    for (const bad of ['Taal', null, undefined, 3]) {
      expect(refusal(subpunten(), bad), String(bad)).toBe(t('fout.veld.lijst'));
    }
  });

  it('reads one item per line from the form, without a leading bullet and without empty lines', () => {
    expect(subpunten().fromForm('- Taal\r\n• Rekenen\n\n  * Sport  \n   ')).toEqual(['Taal', 'Rekenen', 'Sport']);
    expect(subpunten().fromForm('Taal\nRekenen')).toEqual(['Taal', 'Rekenen']);
    expect(subpunten().fromForm('  -   Taal')).toEqual(['Taal']);
    expect(subpunten().fromForm('Taal - en rekenen')).toEqual(['Taal - en rekenen']);
    expect(subpunten().fromForm('-5 graden')).toEqual(['5 graden']);
    expect(subpunten().fromForm('')).toEqual([]);
  });

  it('writes and reads one item per line; not required, starting empty, six rows high', () => {
    expect(subpunten().toForm(['Taal', 'Rekenen'])).toBe('Taal\nRekenen');
    expect(subpunten().display(['Taal', 'Rekenen'], [])).toBe('Taal\nRekenen');
    expect(subpunten()).toMatchObject({ widget: 'lines', required: false, initial: [], input: { rows: 6 } });
  });
});

describe('date', () => {
  const eind = () => date({ label: 'agendaBewerken.veldTitel', invalid: 'agendaBewerken.datumOngeldig', empty: 'agendaBewerken.datumLeeg' });
  const optioneel = () => date({ label: 'agendaBewerken.veldTitel', invalid: 'agendaBewerken.datumOngeldig' });
  const ongeldig = t('agendaBewerken.datumOngeldig');

  it('takes an ISO date that exists', () => {
    expect(parse(eind(), '2025-09-01')).toEqual({ value: '2025-09-01' });
    expect(parse(eind(), '2028-02-29')).toEqual({ value: '2028-02-29' });
  });

  it('refuses a date that does not exist or is not written as ISO, with the invalid message', () => {
    for (const bad of ['2026-02-29', '2025-13-01', '1-9-2025', '2025-9-1', '', 20250901]) {
      expect(parse(eind(), bad), String(bad)).toEqual({ messages: [ongeldig] });
    }
  });

  it('refuses a missing date with the empty message when required; optional, null is allowed', () => {
    expect(refusal(eind(), undefined)).toBe(t('agendaBewerken.datumLeeg'));
    expect(refusal(eind(), null)).toBe(ongeldig);
    expect(refusal(optioneel(), undefined)).toBe(ongeldig);
    expect(parse(optioneel(), null)).toEqual({ value: null });
    expect(eind()).toMatchObject({ required: true, widget: 'date' });
    expect(optioneel().required).toBe(false);
  });

  it('reads ISO and the Dutch day-month-year from the form', () => {
    expect(eind().fromForm(' 2025-09-01 ')).toBe('2025-09-01');
    expect(eind().fromForm('1-9-2025')).toBe('2025-09-01');
    expect(eind().fromForm('01-09-2025')).toBe('2025-09-01');
    expect(eind().fromForm('29-11-2026')).toBe('2026-11-29');
    expect(fromForm(eind(), '31-2-2026')).toEqual({ messages: [ongeldig] });
  });

  it('passes other text on for the schema to refuse', () => {
    expect(eind().fromForm('1 september 2025')).toBe('1 september 2025');
    expect(eind().fromForm('1-9-25')).toBe('1-9-25');
    expect(eind().fromForm('001-9-2025')).toBe('001-9-2025');
    expect(eind().fromForm('1-9-2025x')).toBe('1-9-2025x');
    expect(eind().fromForm('x2025-09-01')).toBe('x2025-09-01');
    expect(eind().fromForm('2025-09-01x')).toBe('2025-09-01x');
  });

  it('reads an empty form field as missing when required, else as null', () => {
    expect(eind().fromForm('  ')).toBeUndefined();
    expect(fromForm(eind(), '')).toEqual({ messages: [t('agendaBewerken.datumLeeg')] });
    expect(optioneel().fromForm('')).toBeNull();
  });

  it('goes into the form as ISO, and reads as people write it', () => {
    expect(eind().toForm('2025-09-01')).toBe('2025-09-01');
    expect(eind().toForm(null)).toBe('');
    expect(eind().display('2025-09-01', [])).toBe('1-9-2025');
    expect(eind().display('2026-11-29', [])).toBe('29-11-2026');
    expect(eind().display(null, [])).toBe('');
    expect(eind().display('onbekend', [])).toBe('onbekend');
    expect(eind().display('2025-09-01T10:00', [])).toBe('2025-09-01T10:00');
    expect(eind().display('ma 2025-09-01', [])).toBe('ma 2025-09-01');
  });
});
