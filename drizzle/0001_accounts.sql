CREATE TYPE "public"."audit_soort" AS ENUM('gegevens', 'beveiliging');--> statement-breakpoint
CREATE TYPE "public"."eenmalige_link_doel" AS ENUM('uitnodiging', 'wachtwoord-herstel');--> statement-breakpoint
CREATE TYPE "public"."gebruiker_status" AS ENUM('uitgenodigd', 'actief', 'geblokkeerd');--> statement-breakpoint
CREATE TYPE "public"."rol" AS ENUM('beheerder', 'procesmanager', 'stuurgroeplid', 'voorzitter-overlegtafel', 'platformlid', 'data-beheerder');--> statement-breakpoint
CREATE TABLE "api_token" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"gemeente_id" uuid NOT NULL,
	"gebruiker_id" uuid NOT NULL,
	"naam" text NOT NULL,
	"prefix" text NOT NULL,
	"token_hash" text NOT NULL,
	"aangemaakt_op" timestamp with time zone DEFAULT now() NOT NULL,
	"laatst_gebruikt_op" timestamp with time zone,
	"ingetrokken_op" timestamp with time zone,
	CONSTRAINT "api_token_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "audit_regel" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"gemeente_id" uuid NOT NULL,
	"tijdstip" timestamp with time zone DEFAULT now() NOT NULL,
	"soort" "audit_soort" NOT NULL,
	"actie" text NOT NULL,
	"gebruiker_id" uuid,
	"gebruiker_naam" text,
	"object_type" text,
	"object_id" uuid,
	"omschrijving" text,
	"voor" jsonb,
	"na" jsonb,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "eenmalige_link" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"gemeente_id" uuid NOT NULL,
	"gebruiker_id" uuid NOT NULL,
	"doel" "eenmalige_link_doel" NOT NULL,
	"verloopt_op" timestamp with time zone NOT NULL,
	"gebruikt_op" timestamp with time zone,
	"aangemaakt_op" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gebruiker" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"gemeente_id" uuid NOT NULL,
	"email" text NOT NULL,
	"naam" text NOT NULL,
	"status" "gebruiker_status" DEFAULT 'uitgenodigd' NOT NULL,
	"wachtwoord_hash" text,
	"totp_geheim" text,
	"totp_laatste_stap" integer,
	"totp_actief_sinds" timestamp with time zone,
	"oidc_issuer" text,
	"oidc_subject" text,
	"laatst_ingelogd_op" timestamp with time zone,
	"versie" integer DEFAULT 1 NOT NULL,
	"aangemaakt_op" timestamp with time zone DEFAULT now() NOT NULL,
	"gewijzigd_op" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gebruiker_email_per_gemeente" UNIQUE("gemeente_id","email"),
	CONSTRAINT "gebruiker_id_gemeente" UNIQUE("id","gemeente_id"),
	CONSTRAINT "gebruiker_email_kleine_letters" CHECK ("gebruiker"."email" = lower("gebruiker"."email"))
);
--> statement-breakpoint
CREATE TABLE "gebruiker_rol" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"gemeente_id" uuid NOT NULL,
	"gebruiker_id" uuid NOT NULL,
	"rol" "rol" NOT NULL,
	"gremium_id" uuid,
	"aangemaakt_op" timestamp with time zone DEFAULT now() NOT NULL,
	"gewijzigd_op" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gebruiker_rol_tafel" CHECK (("gebruiker_rol"."rol" = 'voorzitter-overlegtafel') = ("gebruiker_rol"."gremium_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "herstelcode" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"gemeente_id" uuid NOT NULL,
	"gebruiker_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"gebruikt_op" timestamp with time zone,
	CONSTRAINT "herstelcode_uniek" UNIQUE("gebruiker_id","code_hash")
);
--> statement-breakpoint
CREATE TABLE "inlogpoging" (
	"gemeente_id" uuid NOT NULL,
	"sleutel" text NOT NULL,
	"mislukt" integer DEFAULT 0 NOT NULL,
	"laatste_op" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inlogpoging_gemeente_id_sleutel_pk" PRIMARY KEY("gemeente_id","sleutel")
);
--> statement-breakpoint
CREATE TABLE "oidc_login" (
	"state_hash" text PRIMARY KEY NOT NULL,
	"gemeente_id" uuid NOT NULL,
	"nonce" text NOT NULL,
	"code_verifier" text NOT NULL,
	"verloopt_op" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessie" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"gemeente_id" uuid NOT NULL,
	"gebruiker_id" uuid NOT NULL,
	"mfa_voltooid" boolean DEFAULT false NOT NULL,
	"aangemaakt_op" timestamp with time zone DEFAULT now() NOT NULL,
	"laatst_actief_op" timestamp with time zone DEFAULT now() NOT NULL,
	"verloopt_op" timestamp with time zone NOT NULL,
	"ip" text
);
--> statement-breakpoint
ALTER TABLE "focusdoel" DROP CONSTRAINT "focusdoel_positie_per_actielijn";--> statement-breakpoint
ALTER TABLE "actielijn" ADD COLUMN "gearchiveerd_op" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "ambitie" ADD COLUMN "gearchiveerd_op" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "focusdoel" ADD COLUMN "gearchiveerd_op" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "focusdoel_subpunt" ADD COLUMN "gearchiveerd_op" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "gremium" ADD COLUMN "gearchiveerd_op" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "lidmaatschap" ADD COLUMN "gearchiveerd_op" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "oab_afspraak" ADD COLUMN "gearchiveerd_op" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organisatie" ADD COLUMN "gearchiveerd_op" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "persoon" ADD COLUMN "gearchiveerd_op" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_gemeente_id_gemeente_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeente"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_gebruiker_id_gemeente_id_gebruiker_id_gemeente_id_fk" FOREIGN KEY ("gebruiker_id","gemeente_id") REFERENCES "public"."gebruiker"("id","gemeente_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_regel" ADD CONSTRAINT "audit_regel_gemeente_id_gemeente_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeente"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eenmalige_link" ADD CONSTRAINT "eenmalige_link_gemeente_id_gemeente_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeente"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eenmalige_link" ADD CONSTRAINT "eenmalige_link_gebruiker_id_gemeente_id_gebruiker_id_gemeente_id_fk" FOREIGN KEY ("gebruiker_id","gemeente_id") REFERENCES "public"."gebruiker"("id","gemeente_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gebruiker" ADD CONSTRAINT "gebruiker_gemeente_id_gemeente_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeente"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gebruiker_rol" ADD CONSTRAINT "gebruiker_rol_gemeente_id_gemeente_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeente"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gebruiker_rol" ADD CONSTRAINT "gebruiker_rol_gebruiker_id_gemeente_id_gebruiker_id_gemeente_id_fk" FOREIGN KEY ("gebruiker_id","gemeente_id") REFERENCES "public"."gebruiker"("id","gemeente_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gebruiker_rol" ADD CONSTRAINT "gebruiker_rol_gremium_id_gemeente_id_gremium_id_gemeente_id_fk" FOREIGN KEY ("gremium_id","gemeente_id") REFERENCES "public"."gremium"("id","gemeente_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "herstelcode" ADD CONSTRAINT "herstelcode_gemeente_id_gemeente_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeente"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "herstelcode" ADD CONSTRAINT "herstelcode_gebruiker_id_gemeente_id_gebruiker_id_gemeente_id_fk" FOREIGN KEY ("gebruiker_id","gemeente_id") REFERENCES "public"."gebruiker"("id","gemeente_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inlogpoging" ADD CONSTRAINT "inlogpoging_gemeente_id_gemeente_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeente"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oidc_login" ADD CONSTRAINT "oidc_login_gemeente_id_gemeente_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeente"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessie" ADD CONSTRAINT "sessie_gemeente_id_gemeente_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeente"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessie" ADD CONSTRAINT "sessie_gebruiker_id_gemeente_id_gebruiker_id_gemeente_id_fk" FOREIGN KEY ("gebruiker_id","gemeente_id") REFERENCES "public"."gebruiker"("id","gemeente_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_token_gebruiker_idx" ON "api_token" USING btree ("gebruiker_id");--> statement-breakpoint
CREATE INDEX "audit_regel_gemeente_tijd_idx" ON "audit_regel" USING btree ("gemeente_id","tijdstip");--> statement-breakpoint
CREATE INDEX "audit_regel_object_idx" ON "audit_regel" USING btree ("object_id");--> statement-breakpoint
CREATE UNIQUE INDEX "gebruiker_rol_uniek" ON "gebruiker_rol" USING btree ("gebruiker_id","rol",coalesce("gremium_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE INDEX "sessie_gebruiker_idx" ON "sessie" USING btree ("gebruiker_id");--> statement-breakpoint
CREATE UNIQUE INDEX "focusdoel_positie_per_actielijn" ON "focusdoel" USING btree ("actielijn_id","positie") WHERE "focusdoel"."gearchiveerd_op" is null;