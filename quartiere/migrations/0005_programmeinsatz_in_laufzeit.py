"""A Programmeinsatz lies within its programme's Laufzeit, on every path (admin, shell, imports).

The rule spans two tables, so a CHECK cannot hold it: a constraint trigger on each side does.
The one on Programmeinsatz fires at the end of the statement; the one on Programm waits for the
commit, so the admin may shorten a Laufzeit and its Einsätze in the same save.
"""

from django.db import migrations

PRUEFEN = """
CREATE FUNCTION quartiere_programmeinsatz_in_laufzeit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM quartiere_programmeinsatz e
        JOIN quartiere_programm p ON p.id = e.programm_id
        WHERE (CASE WHEN TG_TABLE_NAME = 'quartiere_programm' THEN p.id ELSE e.id END) = NEW.id
          AND (e.von < p.laufzeit_von
               OR (p.laufzeit_bis IS NOT NULL AND (e.bis IS NULL OR e.bis > p.laufzeit_bis)))
    ) THEN
        RAISE EXCEPTION 'Programmeinsatz außerhalb der Laufzeit des Programms'
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER programmeinsatz_in_laufzeit
    AFTER INSERT OR UPDATE OF programm_id, von, bis ON quartiere_programmeinsatz
    DEFERRABLE INITIALLY IMMEDIATE
    FOR EACH ROW EXECUTE FUNCTION quartiere_programmeinsatz_in_laufzeit();
CREATE CONSTRAINT TRIGGER programm_laufzeit_umfasst_einsaetze
    AFTER UPDATE OF laufzeit_von, laufzeit_bis ON quartiere_programm
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION quartiere_programmeinsatz_in_laufzeit();
"""

ENTFERNEN = """
DROP TRIGGER programm_laufzeit_umfasst_einsaetze ON quartiere_programm;
DROP TRIGGER programmeinsatz_in_laufzeit ON quartiere_programmeinsatz;
DROP FUNCTION quartiere_programmeinsatz_in_laufzeit();
"""


class Migration(migrations.Migration):
    dependencies = [("quartiere", "0004_quartier_name_index")]

    operations = [migrations.RunSQL(PRUEFEN, ENTFERNEN)]
