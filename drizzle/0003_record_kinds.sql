CREATE TABLE "adres_alias" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"gemeente_id" uuid NOT NULL,
	"soort" text NOT NULL,
	"sleutel" text NOT NULL,
	"record_id" uuid NOT NULL,
	"aangemaakt_op" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "adres_alias_uniek" UNIQUE("gemeente_id","soort","sleutel")
);
--> statement-breakpoint
ALTER TABLE "gremium_relatie" DROP CONSTRAINT "gremium_relatie_uniek";--> statement-breakpoint
ALTER TABLE "betrokkene" ADD COLUMN "gearchiveerd_op" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "gremium_relatie" ADD COLUMN "gearchiveerd_op" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "adres_alias" ADD CONSTRAINT "adres_alias_gemeente_id_gemeente_id_fk" FOREIGN KEY ("gemeente_id") REFERENCES "public"."gemeente"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "gremium_relatie_uniek" ON "gremium_relatie" USING btree ("van_gremium_id","naar_gremium_id","soort") WHERE "gremium_relatie"."gearchiveerd_op" is null;--> statement-breakpoint
ALTER TABLE "betrokkene" ADD CONSTRAINT "betrokkene_id_gemeente" UNIQUE("id","gemeente_id");--> statement-breakpoint
ALTER TABLE "gremium_relatie" ADD CONSTRAINT "gremium_relatie_id_gemeente" UNIQUE("id","gemeente_id");