"""The data version ("Datenstand") is retired: drop its triggers, function and sequence.

They were created after every `migrate` by a post_migrate hook, not by a migration, so this
removes whatever exists. The shared cache (`shared_cache.py`) is invalidated on commit now."""

from django.db import migrations

ENTFERNEN = """
DO $$
DECLARE r record;
BEGIN
    FOR r IN SELECT tgrelid::regclass AS tabelle FROM pg_trigger WHERE tgname = 'qm_datenstand'
    LOOP
        EXECUTE format('DROP TRIGGER qm_datenstand ON %s', r.tabelle);
    END LOOP;
END $$;
DROP FUNCTION IF EXISTS qm_datenstand_erhoehen();
DROP SEQUENCE IF EXISTS qm_datenstand;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("quartiersmanagement", "0001_initial"),
    ]

    operations = [migrations.RunSQL(ENTFERNEN, migrations.RunSQL.noop)]
