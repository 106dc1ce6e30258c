"""Autovacuum for the big list tables after 200 changed or inserted rows, not after a fifth of
the table (PostgreSQL's default: 40,000 of 200,000 needs, months of work). The lists page
through these tables from their indexes alone (index-only scans), which works only for table
pages the visibility map marks all-visible; every write clears its page's mark until a vacuum
sets it again. Without this, each changed row made the deep pages of the Leitung's lists read
table pages again: after a few hundred writes 7,000 of them for one page. A vacuum here skips
the pages still marked and is cheap (docs/betrieb.md, "Datenbank")."""

from django.db import migrations

SETZEN = (
    "autovacuum_vacuum_threshold = 200, autovacuum_vacuum_scale_factor = 0,"
    " autovacuum_vacuum_insert_threshold = 200, autovacuum_vacuum_insert_scale_factor = 0"
)
ZURUECK = (
    "autovacuum_vacuum_threshold, autovacuum_vacuum_scale_factor,"
    " autovacuum_vacuum_insert_threshold, autovacuum_vacuum_insert_scale_factor"
)


class Migration(migrations.Migration):
    dependencies = [
        ("bedarfe", "0017_weiterleitung_offen_nach_frist"),
        ("projekte", "0017_termin_index_mit_oeffentlich"),
    ]

    operations = [
        migrations.RunSQL(
            f"ALTER TABLE bedarfe_bedarf SET ({SETZEN})",
            f"ALTER TABLE bedarfe_bedarf RESET ({ZURUECK})",
        ),
        migrations.RunSQL(
            f"ALTER TABLE bedarfe_weiterleitung SET ({SETZEN})",
            f"ALTER TABLE bedarfe_weiterleitung RESET ({ZURUECK})",
        ),
        # The events' list of the projects app, set here so that one place holds the rule.
        migrations.RunSQL(
            f"ALTER TABLE projekte_termin SET ({SETZEN})",
            f"ALTER TABLE projekte_termin RESET ({ZURUECK})",
        ),
    ]
