import { beforeAll, describe, expect, it } from 'vitest';
import { decodeHtml, useSeededApp } from '../../test/helpers/app.js';
import { createUser, gemeenteId, loginAs, rol, type TestBrowser } from '../../test/helpers/session.js';
import { t } from '../i18n/index.js';
import { emptyForm, SelectField, type FormState } from './form.js';

/** The options of the select with this name: value, label and whether it is selected, in order. */
function optionsOf(html: string, name: string): { value: string; label: string; selected: boolean }[] {
  const select = new RegExp(`<select\\b[^>]*\\bname="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(html)?.[1];
  if (select === undefined) throw new Error(`geen select ${name}`);
  return [...select.matchAll(/<option\b([^>]*)>([\s\S]*?)<\/option>/g)].map((m) => ({
    value: decodeHtml(/\bvalue="([^"]*)"/.exec(m[1]!)?.[1] ?? ''),
    label: decodeHtml(m[2]!),
    selected: /\bselected\b/.test(m[1]!),
  }));
}

const kleuren = [
  { value: 'rood', label: 'Rood' },
  { value: 'blauw', label: 'Blauw' },
];
const render = (props: { required?: boolean; options?: { value: string; label: string }[]; form?: FormState }) =>
  SelectField({ name: 'kleur', label: 'Kleur', form: props.form ?? emptyForm(), options: props.options ?? kleuren, required: props.required }) as string;

describe('SelectField', () => {
  it('starts a required select with an empty choice, so that "required" can fail and the HTML is valid', () => {
    expect(optionsOf(render({ required: true }), 'kleur')).toEqual([
      { value: '', label: t('form.maakEenKeuze'), selected: true },
      { value: 'rood', label: 'Rood', selected: false },
      { value: 'blauw', label: 'Blauw', selected: false },
    ]);
  });

  it('keeps the stored choice selected behind that empty choice', () => {
    const options = optionsOf(render({ required: true, form: emptyForm({ kleur: 'blauw' }) }), 'kleur');
    expect(options.map((o) => [o.value, o.selected])).toEqual([
      ['', false],
      ['rood', false],
      ['blauw', true],
    ]);
  });

  it("keeps the caller's own empty choice, and adds none to a select that is not required", () => {
    const eigen = [{ value: '', label: 'Kies een kleur' }, ...kleuren];
    expect(optionsOf(render({ required: true, options: eigen }), 'kleur').map((o) => o.label)).toEqual(['Kies een kleur', 'Rood', 'Blauw']);
    expect(optionsOf(render({}), 'kleur').map((o) => o.value)).toEqual(['rood', 'blauw']);
  });
});

describe('a required select left on the empty choice', () => {
  const fx = useSeededApp();
  let pm: TestBrowser;
  const urls: Record<string, string> = {};

  beforeAll(async () => {
    const gid = await gemeenteId(fx.t);
    pm = await loginAs(fx.t, await createUser(fx.t, gid, { email: 'pm@select.example', naam: 'Pam Proces', rollen: [rol('procesmanager')], totp: true }));
    const gemeente = (await fx.t.app.services.gemeenten.list()).find((g) => g.id === gid)!;
    const governance = await fx.t.app.services.governance.get(gemeente);
    const agenda = await fx.t.app.services.agenda.get(gemeente);
    urls.gremium = `/gremia/${governance.gremia[0]!.id}/bewerken`;
    urls.lidmaatschap = `/lidmaatschappen/${governance.lidmaatschappen[0]!.id}/bewerken`;
    urls.nieuwLidmaatschap = `/gremia/${governance.gremia[0]!.id}/lidmaatschappen/nieuw`;
    urls.afspraak = `/oab-afspraken/${agenda.oab.afspraken[0]!.id}/bewerken`;
  }, 60_000);

  // The forms whose required select used to start with a real choice (every gremium, lidmaatschap and afspraak).
  const cases = [
    { form: 'gremium', field: 'type', message: t('governance.gremium.typeOnbekend') },
    { form: 'lidmaatschap', field: 'rol', message: t('governance.lidmaatschap.rolOnbekend') },
    { form: 'nieuwLidmaatschap', field: 'rol', message: t('governance.lidmaatschap.rolOnbekend') },
    { form: 'afspraak', field: 'categorieId', message: t('oabBewerken.categorieOnbekend') },
  ];

  it.each(cases)('$form: $field offers the empty choice first and refuses it with the field\'s own message', async ({ form, field, message }) => {
    const page = await pm.get(urls[form]!);
    expect(page.statusCode).toBe(200);
    const before = optionsOf(page.body, field);
    expect(before[0]).toMatchObject({ value: '', label: t('form.maakEenKeuze') });
    // The stored choice (or, for a new lidmaatschap, the form's default) stays selected; the browser shows that one.
    expect(before.filter((o) => o.selected && o.value !== '')).toHaveLength(1);

    const response = await pm.submit(urls[form]!, { [field]: '' });
    expect(response.statusCode).toBe(400);
    const error = new RegExp(`id="veld-${field}-fout"[^>]*>([\\s\\S]*?)</div>`).exec(response.body)?.[1] ?? '';
    expect(decodeHtml(error.replace(/<[^>]+>/g, ''))).toBe(`${t('form.foutVoorvoegsel')}${message}`);
    expect(optionsOf(response.body, field).find((o) => o.selected)?.value).toBe('');
  });
});
