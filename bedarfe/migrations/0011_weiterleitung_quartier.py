"""A forward carries its need's quartier, kept by triggers on every path (service, admin,
import, bulk writes): set from the need on insert and on any write of the forward, and passed
on when a need moves to another quartier. The open forwards list of a quartier then reads
one partial index by deadline instead of walking the city's open forwards (95 ms at city
scale, docs/performance.md)."""

import django.db.models.deletion
from django.db import migrations, models

TRIGGER = """
CREATE FUNCTION bedarfe_weiterleitung_quartier_setzen() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    SELECT quartier_id INTO NEW.quartier_id FROM bedarfe_bedarf WHERE id = NEW.bedarf_id;
    RETURN NEW;
END $$;
CREATE TRIGGER bedarfe_weiterleitung_quartier
    BEFORE INSERT OR UPDATE OF bedarf_id, quartier_id ON bedarfe_weiterleitung
    FOR EACH ROW EXECUTE FUNCTION bedarfe_weiterleitung_quartier_setzen();

CREATE FUNCTION bedarfe_bedarf_quartier_weitergeben() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE bedarfe_weiterleitung SET quartier_id = NEW.quartier_id WHERE bedarf_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER bedarfe_bedarf_quartier_weitergeben
    AFTER UPDATE OF quartier_id ON bedarfe_bedarf
    FOR EACH ROW WHEN (OLD.quartier_id IS DISTINCT FROM NEW.quartier_id)
    EXECUTE FUNCTION bedarfe_bedarf_quartier_weitergeben();
"""

TRIGGER_ENTFERNEN = """
DROP TRIGGER bedarfe_bedarf_quartier_weitergeben ON bedarfe_bedarf;
DROP FUNCTION bedarfe_bedarf_quartier_weitergeben();
DROP TRIGGER bedarfe_weiterleitung_quartier ON bedarfe_weiterleitung;
DROP FUNCTION bedarfe_weiterleitung_quartier_setzen();
"""


class Migration(migrations.Migration):
    dependencies = [
        ("bedarfe", "0010_lage"),
        ("quartiere", "0007_grenze_als_flaeche"),
    ]

    operations = [
        migrations.AddField(
            model_name="weiterleitung",
            name="quartier",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="quartiere.quartier",
                verbose_name="Quartier",
                help_text="Das Quartier des Bedarfs; die Datenbank hält es aktuell.",
            ),
        ),
        migrations.RunSQL(
            "UPDATE bedarfe_weiterleitung w SET quartier_id = b.quartier_id "
            "FROM bedarfe_bedarf b WHERE b.id = w.bedarf_id",
            migrations.RunSQL.noop,
        ),
        migrations.RunSQL(TRIGGER, TRIGGER_ENTFERNEN),
        migrations.AlterField(
            model_name="weiterleitung",
            name="quartier",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="quartiere.quartier",
                verbose_name="Quartier",
                help_text="Das Quartier des Bedarfs; die Datenbank hält es aktuell.",
            ),
        ),
        migrations.AddIndex(
            model_name="weiterleitung",
            index=models.Index(
                condition=models.Q(
                    ("beantwortet_am__isnull", True), ("zurueckgezogen_am__isnull", True)
                ),
                fields=["quartier", "frist", "id"],
                name="weiterl_offen_je_quartier",
            ),
        ),
    ]
