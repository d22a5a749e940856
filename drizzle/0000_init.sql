CREATE TYPE "public"."agenda_status" AS ENUM('concept', 'vastgesteld', 'herzien');--> statement-breakpoint
CREATE TYPE "public"."gremium_relatie_soort" AS ENUM('informeert', 'rapporteert-aan', 'overlegt-met');--> statement-breakpoint
CREATE TYPE "public"."gremium_type" AS ENUM('stuurgroep', 'bestuurlijk-platform', 'kernteam', 'overlegtafel', 'werkgroep', 'bijeenkomst');--> statement-breakpoint
CREATE TYPE "public"."lidmaatschap_rol" AS ENUM('voorzitter', 'lid', 'secretaris', 'adviseur', 'ondersteuner');--> statement-breakpoint
CREATE TYPE "public"."sector" AS ENUM('gemeente', 'swv', 'kinderopvang', 'po', 'vo', 'mbo', 'jeugd', 'overig');--> statement-breakpoint
CREATE TABLE "actielijn" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"gemeente_id" uuid NOT NULL,
	"uitvoeringsagenda_id" uuid NOT NULL,
	"nummer" integer NOT NULL,
	"titel" text NOT NULL,
	"kernwoord" text,
	"beleidsthema" text NOT NULL,
	"versie" integer DEFAULT 1 NOT NULL,
	"aangemaakt_op" timestamp with time zone DEFAULT now() NOT NULL,
	"gewijzigd_op" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "actielijn_nummer_per_agenda" UNIQUE("uitvoeringsagenda_id","nummer"),
	CONSTRAINT "actielijn_id_gemeente" UNIQUE("id","gemeente_id"),
	CONSTRAINT "actielijn_nummer_positief" CHECK ("actielijn"."nummer" > 0)
);
--> statement-breakpoint
CREATE TABLE "actielijn_ambitie" (
	"gemeente_id" uuid NOT NULL,
	"actielijn_id" uuid NOT NULL,
	"ambitie_id" uuid NOT NULL,
	"volgorde" integer NOT NULL,
	CONSTRAINT "actielijn_ambitie_actielijn_id_ambitie_id_pk" PRIMARY KEY("actielijn_id","ambitie_id")
);
--> statement-breakpoint
CREATE TABLE "ambitie" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"gemeente_id" uuid NOT NULL,
	"visiedocument_id" uuid NOT NULL,
	"code" text NOT NULL,
	"naam" text NOT NULL,
	"omschrijving" text NOT NULL,
	"volgorde" integer NOT NULL,
	"versie" integer DEFAULT 1 NOT NULL,
	"aangemaakt_op" timestamp with time zone DEFAULT now() NOT NULL,
	"gewijzigd_op" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ambitie_code_per_visie" UNIQUE("visiedocument_id","code"),
	CONSTRAINT "ambitie_id_gemeente" UNIQUE("id","gemeente_id")
);
--> statement-breakpoint
CREATE TABLE "betrokkene" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"gemeente_id" uuid NOT NULL,
	"actielijn_id" uuid NOT NULL,
	"volgorde" integer NOT NULL,
	"naam" text NOT NULL,
	"gremium_id" uuid,
	"organisatie_id" uuid,
	"versie" integer DEFAULT 1 NOT NULL,
	"aangemaakt_op" timestamp with time zone DEFAULT now() NOT NULL,
	"gewijzigd_op" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "betrokkene_volgorde_per_actielijn" UNIQUE("actielijn_id","volgorde")
);
--> statement-breakpoint
CREATE TABLE "focusdoel" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"gemeente_id" uuid NOT NULL,
	"actielijn_id" uuid NOT NULL,
	"positie" integer NOT NULL,
	"tekst" text NOT NULL,
	"versie" integer DEFAULT 1 NOT NULL,
	"aangemaakt_op" timestamp with time zone DEFAULT now() NOT NULL,
	"gewijzigd_op" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "focusdoel_positie_per_actielijn" UNIQUE("actielijn_id","positie"),
	CONSTRAINT "focusdoel_id_gemeente" UNIQUE("id","gemeente_id"),
	CONSTRAINT "focusdoel_maximaal_twee" CHECK ("focusdoel"."positie" between 1 and 2)
);
--> statement-breakpoint
CREATE TABLE "focusdoel_subpunt" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"gemeente_id" uuid NOT NULL,
	"focusdoel_id" uuid NOT NULL,
	"volgorde" integer NOT NULL,
	"tekst" text NOT NULL,
	"versie" integer DEFAULT 1 NOT NULL,
	"aangemaakt_op" timestamp with time zone DEFAULT now() NOT NULL,
	"gewijzigd_op" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subpunt_volgorde_per_focusdoel" UNIQUE("focusdoel_id","volgorde")
);
--> statement-breakpoint
CREATE TABLE "gemeente" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"naam" text NOT NULL,
	"cbs_code" text NOT NULL,
	"domeinen" text[] DEFAULT '{}'::text[] NOT NULL,
	"data_versie" integer DEFAULT 1 NOT NULL,
	"aangemaakt_op" timestamp with time zone DEFAULT now() NOT NULL,
	"gewijzigd_op" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gemeente_slug_unique" UNIQUE("slug"),
	CONSTRAINT "gemeente_cbs_code_unique" UNIQUE("cbs_code"),
	CONSTRAINT "gemeente_cbs_code_vorm" CHECK ("gemeente"."cbs_code" ~ '^GM[0-9]{4}$')
);
--> statement-breakpoint
CREATE TABLE "gremium" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"gemeente_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"naam" text NOT NULL,
	"type" "gremium_type" NOT NULL,
	"omschrijving" text,
	"opdracht" text,
	"mandaat" text,
	"vergaderfrequentie" text,
	"volgorde" integer DEFAULT 0 NOT NULL,
	"versie" integer DEFAULT 1 NOT NULL,
	"aangemaakt_op" timestamp with time zone DEFAULT now() NOT NULL,
	"gewijzigd_op" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gremium_slug_per_gemeente" UNIQUE("gemeente_id","slug"),
	CONSTRAINT "gremium_id_gemeente" UNIQUE("id","gemeente_id")
);
--> statement-breakpoint
CREATE TABLE "gremium_relatie" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"gemeente_id" uuid NOT NULL,
	"van_gremium_id" uuid NOT NULL,
	"naar_gremium_id" uuid NOT NULL,
	"soort" "gremium_relatie_soort" NOT NULL,
	"omschrijving" text,
	"versie" integer DEFAULT 1 NOT NULL,
	"aangemaakt_op" timestamp with time zone DEFAULT now() NOT NULL,
	"gewijzigd_op" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gremium_relatie_uniek" UNIQUE("van_gremium_id","naar_gremium_id","soort"),
	CONSTRAINT "gremium_relatie_niet_naar_zichzelf" CHECK ("gremium_relatie"."van_gremium_id" <> "gremium_relatie"."naar_gremium_id")
);
--> statement-breakpoint
CREATE TABLE "lidmaatschap" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"gemeente_id" uuid NOT NULL,
	"persoon_id" uuid NOT NULL,
	"gremium_id" uuid NOT NULL,
	"rol" "lidmaatschap_rol" DEFAULT 'lid' NOT NULL,
	"volgorde" integer DEFAULT 0 NOT NULL,
	"versie" integer DEFAULT 1 NOT NULL,
	"aangemaakt_op" timestamp with time zone DEFAULT now() NOT NULL,
	"gewijzigd_op" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lidmaatschap_uniek" UNIQUE("persoon_id","gremium_id"),
	CONSTRAINT "lidmaatschap_id_gemeente" UNIQUE("id","gemeente_id")
);
--> statement-breakpoint
CREATE TABLE "lidmaatschap_namens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"gemeente_id" uuid NOT NULL,
	"lidmaatschap_id" uuid NOT NULL,
	"sector" "sector",
	"organisatie_id" uuid,
	"volgorde" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "namens_sector_of_organisatie" CHECK (("lidmaatschap_namens"."sector" is null) <> ("lidmaatschap_namens"."organisatie_id" is null))
);
--> statement-breakpoint
CREATE TABLE "oab_afspraak" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"gemeente_id" uuid NOT NULL,
	"categorie_id" uuid NOT NULL,
	"jaar" integer NOT NULL,
	"nummer" integer NOT NULL,
	"tekst" text NOT NULL,
	"versie" integer DEFAULT 1 NOT NULL,
	"aangemaakt_op" timestamp with time zone DEFAULT now() NOT NULL,
	"gewijzigd_op" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "oab_afspraak_nummer" UNIQUE("categorie_id","jaar","nummer"),
	CONSTRAINT "oab_afspraak_jaar" CHECK ("oab_afspraak"."jaar" between 2000 and 2100)
);
--> statement-breakpoint
CREATE TABLE "oab_categorie" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"gemeente_id" uuid NOT NULL,
	"code" text NOT NULL,
	"naam" text NOT NULL,
	"volgorde" integer NOT NULL,
	"versie" integer DEFAULT 1 NOT NULL,
	"aangemaakt_op" timestamp with time zone DEFAULT now() NOT NULL,
	"gewijzigd_op" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "oab_categorie_code_per_gemeente" UNIQUE("gemeente_id","code"),
	CONSTRAINT "oab_categorie_id_gemeente" UNIQUE("id","gemeente_id")
);
--> statement-breakpoint
CREATE TABLE "oab_jaar" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"gemeente_id" uuid NOT NULL,
	"jaar" integer NOT NULL,
	"toelichting" text,
	"versie" integer DEFAULT 1 NOT NULL,
	"aangemaakt_op" timestamp with time zone DEFAULT now() NOT NULL,
	"gewijzigd_op" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "oab_jaar_per_gemeente" UNIQUE("gemeente_id","jaar")
);
--> statement-breakpoint
CREATE TABLE "organisatie" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"gemeente_id" uuid NOT NULL,
	"code" text NOT NULL,
	"naam" text NOT NULL,
	"sectoren" "sector"[] DEFAULT '{}' NOT NULL,
	"versie" integer DEFAULT 1 NOT NULL,
	"aangemaakt_op" timestamp with time zone DEFAULT now() NOT NULL,
	"gewijzigd_op" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisatie_code_per_gemeente" UNIQUE("gemeente_id","code"),
	CONSTRAINT "organisatie_id_gemeente" UNIQUE("id","gemeente_id")
);
--> statement-breakpoint
CREATE TABLE "persoon" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"gemeente_id" uuid NOT NULL,
	"code" text NOT NULL,
	"naam" text NOT NULL,
	"functie" text,
	"email" text,
	"organisatie_id" uuid,
	"versie" integer DEFAULT 1 NOT NULL,
	"aangemaakt_op" timestamp with time zone DEFAULT now() NOT NULL,
	"gewijzigd_op" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "persoon_code_per_gemeente" UNIQUE("gemeente_id","code"),
	CONSTRAINT "persoon_id_gemeente" UNIQUE("id","gemeente_id")
);
--> statement-breakpoint
CREATE TABLE "uitvoeringsagenda" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"gemeente_id" uuid NOT NULL,
	"visiedocument_id" uuid NOT NULL,
	"titel" text NOT NULL,
	"periode_start" date NOT NULL,
	"periode_eind" date NOT NULL,
	"status" "agenda_status" DEFAULT 'concept' NOT NULL,
	"overkoepelend_thema" text,
	"voorwoord" text,
	"evaluatie" text,
	"stuurgroep_toelichting" text,
	"versie" integer DEFAULT 1 NOT NULL,
	"aangemaakt_op" timestamp with time zone DEFAULT now() NOT NULL,
	"gewijzigd_op" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "uitvoeringsagenda_id_gemeente" UNIQUE("id","gemeente_id"),
	CONSTRAINT "uitvoeringsagenda_periode" CHECK ("uitvoeringsagenda"."periode_eind" >= "uitvoeringsagenda"."periode_start")
);
--> statement-breakpoint
CREATE TABLE "visiedocument" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"gemeente_id" uuid NOT NULL,
	"titel" text NOT NULL,
	"periode_start" integer NOT NULL,
	"periode_eind" integer NOT NULL,
	"bron" text,
	"versie" integer DEFAULT 1 NOT NULL,
	"aangemaakt_op" timestamp with time zone DEFAULT now() NOT NULL,
	"gewijzigd_op" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visiedocument_id_gemeente" UNIQUE("id","gemeente_id"),
	CONSTRAINT "visiedocument_periode" CHECK ("visiedocument"."periode_eind" >= "visiedocument"."periode_start")
);
--> statement-breakpoint
ALTER TABLE "actielijn" ADD CONSTRAINT "actielijn_gemeente_id_gemeente_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeente"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actielijn" ADD CONSTRAINT "actielijn_uitvoeringsagenda_id_gemeente_id_uitvoeringsagenda_id_gemeente_id_fk" FOREIGN KEY ("uitvoeringsagenda_id","gemeente_id") REFERENCES "public"."uitvoeringsagenda"("id","gemeente_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actielijn_ambitie" ADD CONSTRAINT "actielijn_ambitie_gemeente_id_gemeente_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeente"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actielijn_ambitie" ADD CONSTRAINT "actielijn_ambitie_actielijn_id_gemeente_id_actielijn_id_gemeente_id_fk" FOREIGN KEY ("actielijn_id","gemeente_id") REFERENCES "public"."actielijn"("id","gemeente_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actielijn_ambitie" ADD CONSTRAINT "actielijn_ambitie_ambitie_id_gemeente_id_ambitie_id_gemeente_id_fk" FOREIGN KEY ("ambitie_id","gemeente_id") REFERENCES "public"."ambitie"("id","gemeente_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ambitie" ADD CONSTRAINT "ambitie_gemeente_id_gemeente_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeente"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ambitie" ADD CONSTRAINT "ambitie_visiedocument_id_gemeente_id_visiedocument_id_gemeente_id_fk" FOREIGN KEY ("visiedocument_id","gemeente_id") REFERENCES "public"."visiedocument"("id","gemeente_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "betrokkene" ADD CONSTRAINT "betrokkene_gemeente_id_gemeente_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeente"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "betrokkene" ADD CONSTRAINT "betrokkene_actielijn_id_gemeente_id_actielijn_id_gemeente_id_fk" FOREIGN KEY ("actielijn_id","gemeente_id") REFERENCES "public"."actielijn"("id","gemeente_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "betrokkene" ADD CONSTRAINT "betrokkene_gremium_id_gemeente_id_gremium_id_gemeente_id_fk" FOREIGN KEY ("gremium_id","gemeente_id") REFERENCES "public"."gremium"("id","gemeente_id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "betrokkene" ADD CONSTRAINT "betrokkene_organisatie_id_gemeente_id_organisatie_id_gemeente_id_fk" FOREIGN KEY ("organisatie_id","gemeente_id") REFERENCES "public"."organisatie"("id","gemeente_id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "focusdoel" ADD CONSTRAINT "focusdoel_gemeente_id_gemeente_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeente"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "focusdoel" ADD CONSTRAINT "focusdoel_actielijn_id_gemeente_id_actielijn_id_gemeente_id_fk" FOREIGN KEY ("actielijn_id","gemeente_id") REFERENCES "public"."actielijn"("id","gemeente_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "focusdoel_subpunt" ADD CONSTRAINT "focusdoel_subpunt_gemeente_id_gemeente_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeente"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "focusdoel_subpunt" ADD CONSTRAINT "focusdoel_subpunt_focusdoel_id_gemeente_id_focusdoel_id_gemeente_id_fk" FOREIGN KEY ("focusdoel_id","gemeente_id") REFERENCES "public"."focusdoel"("id","gemeente_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gremium" ADD CONSTRAINT "gremium_gemeente_id_gemeente_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeente"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gremium_relatie" ADD CONSTRAINT "gremium_relatie_gemeente_id_gemeente_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeente"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gremium_relatie" ADD CONSTRAINT "gremium_relatie_van_gremium_id_gemeente_id_gremium_id_gemeente_id_fk" FOREIGN KEY ("van_gremium_id","gemeente_id") REFERENCES "public"."gremium"("id","gemeente_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gremium_relatie" ADD CONSTRAINT "gremium_relatie_naar_gremium_id_gemeente_id_gremium_id_gemeente_id_fk" FOREIGN KEY ("naar_gremium_id","gemeente_id") REFERENCES "public"."gremium"("id","gemeente_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lidmaatschap" ADD CONSTRAINT "lidmaatschap_gemeente_id_gemeente_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeente"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lidmaatschap" ADD CONSTRAINT "lidmaatschap_persoon_id_gemeente_id_persoon_id_gemeente_id_fk" FOREIGN KEY ("persoon_id","gemeente_id") REFERENCES "public"."persoon"("id","gemeente_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lidmaatschap" ADD CONSTRAINT "lidmaatschap_gremium_id_gemeente_id_gremium_id_gemeente_id_fk" FOREIGN KEY ("gremium_id","gemeente_id") REFERENCES "public"."gremium"("id","gemeente_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lidmaatschap_namens" ADD CONSTRAINT "lidmaatschap_namens_gemeente_id_gemeente_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeente"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lidmaatschap_namens" ADD CONSTRAINT "lidmaatschap_namens_lidmaatschap_id_gemeente_id_lidmaatschap_id_gemeente_id_fk" FOREIGN KEY ("lidmaatschap_id","gemeente_id") REFERENCES "public"."lidmaatschap"("id","gemeente_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lidmaatschap_namens" ADD CONSTRAINT "lidmaatschap_namens_organisatie_id_gemeente_id_organisatie_id_gemeente_id_fk" FOREIGN KEY ("organisatie_id","gemeente_id") REFERENCES "public"."organisatie"("id","gemeente_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oab_afspraak" ADD CONSTRAINT "oab_afspraak_gemeente_id_gemeente_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeente"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oab_afspraak" ADD CONSTRAINT "oab_afspraak_categorie_id_gemeente_id_oab_categorie_id_gemeente_id_fk" FOREIGN KEY ("categorie_id","gemeente_id") REFERENCES "public"."oab_categorie"("id","gemeente_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oab_categorie" ADD CONSTRAINT "oab_categorie_gemeente_id_gemeente_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeente"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oab_jaar" ADD CONSTRAINT "oab_jaar_gemeente_id_gemeente_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeente"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisatie" ADD CONSTRAINT "organisatie_gemeente_id_gemeente_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeente"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persoon" ADD CONSTRAINT "persoon_gemeente_id_gemeente_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeente"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persoon" ADD CONSTRAINT "persoon_organisatie_id_gemeente_id_organisatie_id_gemeente_id_fk" FOREIGN KEY ("organisatie_id","gemeente_id") REFERENCES "public"."organisatie"("id","gemeente_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uitvoeringsagenda" ADD CONSTRAINT "uitvoeringsagenda_gemeente_id_gemeente_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeente"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uitvoeringsagenda" ADD CONSTRAINT "uitvoeringsagenda_visiedocument_id_gemeente_id_visiedocument_id_gemeente_id_fk" FOREIGN KEY ("visiedocument_id","gemeente_id") REFERENCES "public"."visiedocument"("id","gemeente_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visiedocument" ADD CONSTRAINT "visiedocument_gemeente_id_gemeente_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeente"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "uitvoeringsagenda_gemeente_idx" ON "uitvoeringsagenda" USING btree ("gemeente_id");--> statement-breakpoint
CREATE INDEX "visiedocument_gemeente_idx" ON "visiedocument" USING btree ("gemeente_id");