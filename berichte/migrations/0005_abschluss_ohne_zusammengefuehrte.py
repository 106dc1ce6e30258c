"""A merged need counts once, in its target: the closed-needs rollup (`AbschlussZahl`) no longer
counts a merged duplicate as closed. The trigger functions of the need and event tables and
the rebuild function are replaced by the ones of 0003 with the closed statuses without
'zusammengefuehrt' (all their uses of that list are the closing figure); then a recount."""

import importlib

from django.db import migrations

basis = importlib.import_module("berichte.migrations.0003_rollup_trigger")

MIT_ZUSAMMENGEFUEHRT = basis.ABGESCHLOSSEN
OHNE_ZUSAMMENGEFUEHRT = "('erledigt', 'nicht_umsetzbar')"  # Bedarf.ABGESCHLOSSEN_GEZAEHLT


def funktionen(abgeschlossen: str) -> str:
    """CREATE OR REPLACE of the need's and event's trigger functions and the rebuild."""
    teile = []
    for tabelle in (basis.BEDARF, basis.EREIGNIS):
        beitrag = basis.TABELLEN[tabelle]
        leer = f"(SELECT * FROM {tabelle} LIMIT 0)"
        zweige = {
            "INSERT": beitrag(leer, "neu"),
            "UPDATE": beitrag("alt", "neu"),
            "DELETE": beitrag("alt", leer),
        }
        rumpf = "".join(f"IF TG_OP = '{op}' THEN {sql} END IF;" for op, sql in zweige.items())
        teile.append(
            f"CREATE OR REPLACE FUNCTION {basis._name(tabelle)}() RETURNS trigger"
            f" LANGUAGE plpgsql AS $$ DECLARE leere bigint[]; BEGIN {rumpf} RETURN NULL; END $$;"
        )
    teile.append(basis.neu_aufbauen().replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION"))
    return "\n".join(teile).replace(MIT_ZUSAMMENGEFUEHRT, abgeschlossen)


class Migration(migrations.Migration):
    dependencies = [
        ("berichte", "0004_rollup_jahr_indizes"),
        ("bedarfe", "0009_offene_weiterleitungen_abgeschlossener_bedarfe"),
    ]

    operations = [
        migrations.RunSQL(funktionen(OHNE_ZUSAMMENGEFUEHRT), funktionen(MIT_ZUSAMMENGEFUEHRT)),
        migrations.RunSQL(
            "SELECT berichte_rollups_neu_aufbauen();", "SELECT berichte_rollups_neu_aufbauen();"
        ),
    ]
