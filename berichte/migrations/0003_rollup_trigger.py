"""Triggers that keep the rollups of berichte current in the same transaction as every write,
and the function that rebuilds them from the base tables (`berichte.rollups` says why).

Each base table gets one statement-level trigger per operation with its transition tables
(`alt`: the rows before, `neu`: the rows after). The trigger function computes what the rows
before and after contribute to a rollup, adds the difference per key (INSERT … ON CONFLICT DO
UPDATE, so concurrent writers add up instead of overwriting each other) and deletes keys that
reach zero. A figure that joins a second table (the quartier of a forward's need, the events of
a need) first locks the parent rows, so a concurrent change of the parent waits and the
difference is computed against committed data.
"""

from django.conf import settings
from django.db import migrations

ZONE = settings.TIME_ZONE
ABGESCHLOSSEN = "('erledigt', 'nicht_umsetzbar', 'zusammengefuehrt')"  # Bedarf.ABGESCHLOSSEN

BEDARF = "bedarfe_bedarf"
EREIGNIS = "bedarfe_bedarfsereignis"
WEITERLEITUNG = "bedarfe_weiterleitung"
TERMIN = "projekte_termin"
TEILNAHME = "projekte_teilnahme"


def jahr(spalte: str) -> str:
    """The calendar year of a time stamp in the city's time zone (as Django's __year)."""
    return f"EXTRACT(YEAR FROM {spalte} AT TIME ZONE '{ZONE}')::int"


def addieren(ziel: str, schluessel: list[str], masse: list[str], beitraege: str) -> str:
    """Add the signed contributions (rows of `schluessel` and `masse`) to the rollup `ziel`."""
    k = ", ".join(schluessel)
    m = ", ".join(masse)
    return f"""
    WITH d AS (
        SELECT {k}, {", ".join(f"SUM({x}) AS {x}" for x in masse)}
        FROM ({beitraege}) AS beitrag
        GROUP BY {k}
        HAVING {" OR ".join(f"SUM({x}) <> 0" for x in masse)}
    ), neu_gezaehlt AS (
        INSERT INTO {ziel} ({k}, {m})
        SELECT {k}, {m} FROM d ORDER BY {k}
        ON CONFLICT ({k}) DO UPDATE
        SET {", ".join(f"{x} = {ziel}.{x} + EXCLUDED.{x}" for x in masse)}
        RETURNING id, ({" AND ".join(f"{ziel}.{x} = 0" for x in masse)}) AS leer
    )
    SELECT array_agg(id) FILTER (WHERE leer) INTO leere FROM neu_gezaehlt;
    IF leere IS NOT NULL THEN DELETE FROM {ziel} WHERE id = ANY(leere); END IF;
    """


def beide(vorlage: str, alt: str, neu: str) -> str:
    """`vorlage` for the rows before with sign -1 and for the rows after with sign +1."""
    return (
        vorlage.format(rows=alt, sign="-1") + " UNION ALL " + vorlage.format(rows=neu, sign="1")
    )


# --- contributions, each as a template over a relation {rows} with a sign {sign} -------------

BEDARF_ZAHL = (
    "SELECT quartier_id, EXTRACT(YEAR FROM gemeldet_am)::int AS jahr, status, {sign} AS anzahl"
    " FROM {rows} AS r"
)
# A need's closing years (each once), for needs now closed, in the need's quartier.
ABSCHLUSS_JE_BEDARF = (
    "SELECT quartier_id, jahr, {sign} AS anzahl FROM (SELECT DISTINCT r.id, r.quartier_id, "
    + jahr("e.zeitpunkt")
    + f" AS jahr FROM {{rows}} r JOIN {EREIGNIS} e ON e.bedarf_id = r.id"
    f" AND e.zu_status IN {ABGESCHLOSSEN} WHERE r.status IN {ABGESCHLOSSEN}) AS x"
)
WEITERLEITUNG_JE_BEDARF = (
    "SELECT w.fachbereich_id, r.quartier_id, "
    + jahr("w.gesendet_am")
    + " AS jahr, w.ergebnis, CASE WHEN w.beantwortet_am IS NULL THEN w.frist END AS frist_offen,"
    f" {{sign}} AS anzahl FROM {{rows}} r JOIN {WEITERLEITUNG} w ON w.bedarf_id = r.id"
)
DAUER_JE_BEDARF = (
    "SELECT w.fachbereich_id, r.quartier_id, "
    + jahr("w.gesendet_am")
    + " AS jahr, (EXTRACT(EPOCH FROM (w.beantwortet_am - w.gesendet_am)) / 86400.0)::float8"
    f" AS tage, {{sign}} AS anzahl FROM {{rows}} r JOIN {WEITERLEITUNG} w ON w.bedarf_id = r.id"
    " WHERE w.beantwortet_am IS NOT NULL"
)
# A forward's contribution with the (current) quartier of its need.
WEITERLEITUNG_ZAHL = (
    "SELECT w.fachbereich_id, b.quartier_id, "
    + jahr("w.gesendet_am")
    + " AS jahr, w.ergebnis, CASE WHEN w.beantwortet_am IS NULL THEN w.frist END AS frist_offen,"
    f" {{sign}} AS anzahl FROM {{rows}} w JOIN {BEDARF} b ON b.id = w.bedarf_id"
)
DAUER_ZAHL = (
    "SELECT w.fachbereich_id, b.quartier_id, "
    + jahr("w.gesendet_am")
    + " AS jahr, (EXTRACT(EPOCH FROM (w.beantwortet_am - w.gesendet_am)) / 86400.0)::float8"
    f" AS tage, {{sign}} AS anzahl FROM {{rows}} w JOIN {BEDARF} b ON b.id = w.bedarf_id"
    " WHERE w.beantwortet_am IS NOT NULL"
)
TERMIN_ZAHL = (
    "SELECT t.quartier_id, "
    + jahr("t.beginn")
    + " AS jahr, {sign} AS veranstaltungen, {sign} * t.ehrenamtliche AS ehrenamtliche,"
    " {sign} * t.ehrenamtsstunden AS ehrenamtsstunden,"
    f" {{sign}} * COALESCE((SELECT SUM(n.anzahl) FROM {TEILNAHME} n WHERE n.termin_id = t.id), 0)"
    " AS teilnehmende FROM {rows} t WHERE NOT t.abgesagt"
)
TEILNAHME_ZAHL = (
    "SELECT t.quartier_id, "
    + jahr("t.beginn")
    + " AS jahr, 0 AS veranstaltungen, 0 AS ehrenamtliche, 0 AS ehrenamtsstunden,"
    f" {{sign}} * n.anzahl AS teilnehmende FROM {{rows}} n JOIN {TERMIN} t ON t.id = n.termin_id"
    " WHERE NOT t.abgesagt"
)

SCHLUESSEL = {
    "berichte_bedarfzahl": (["quartier_id", "jahr", "status"], ["anzahl"]),
    "berichte_abschlusszahl": (["quartier_id", "jahr"], ["anzahl"]),
    "berichte_weiterleitungzahl": (
        ["fachbereich_id", "quartier_id", "jahr", "ergebnis", "frist_offen"],
        ["anzahl"],
    ),
    "berichte_antwortdauerzahl": (["fachbereich_id", "quartier_id", "jahr", "tage"], ["anzahl"]),
    "berichte_terminzahl": (
        ["quartier_id", "jahr"],
        ["veranstaltungen", "ehrenamtliche", "ehrenamtsstunden", "teilnehmende"],
    ),
}


def rollup(ziel: str, beitraege: str) -> str:
    return addieren(ziel, *SCHLUESSEL[ziel], beitraege)


def sperren(tabelle: str, ids: str) -> str:
    """Lock the parent rows a contribution reads (in id order: no deadlock between writers)."""
    return f"PERFORM 1 FROM {tabelle} WHERE id IN ({ids}) ORDER BY id FOR NO KEY UPDATE;"


def bedarf(alt, neu):
    return (
        rollup("berichte_bedarfzahl", beide(BEDARF_ZAHL, alt, neu))
        + rollup("berichte_abschlusszahl", beide(ABSCHLUSS_JE_BEDARF, alt, neu))
        + rollup("berichte_weiterleitungzahl", beide(WEITERLEITUNG_JE_BEDARF, alt, neu))
        + rollup("berichte_antwortdauerzahl", beide(DAUER_JE_BEDARF, alt, neu))
    )


def ereignis(alt, neu):
    """A need's closing years before and after the statement: before = its events now
    without the new rows plus the old rows; after = its events now."""
    betroffen = (
        f"SELECT bedarf_id FROM {alt} a WHERE a.zu_status IN {ABGESCHLOSSEN}"
        f" UNION SELECT bedarf_id FROM {neu} n WHERE n.zu_status IN {ABGESCHLOSSEN}"
    )
    vorher = (
        f"SELECT e.bedarf_id, {jahr('e.zeitpunkt')} AS jahr FROM {EREIGNIS} e"
        f" WHERE e.bedarf_id IN (SELECT id FROM betroffen) AND e.zu_status IN {ABGESCHLOSSEN}"
        f" AND e.id NOT IN (SELECT id FROM {neu} AS x)"
        f" UNION SELECT a.bedarf_id, {jahr('a.zeitpunkt')} FROM {alt} a"
        f" WHERE a.bedarf_id IN (SELECT id FROM betroffen) AND a.zu_status IN {ABGESCHLOSSEN}"
    )
    nachher = (
        f"SELECT DISTINCT e.bedarf_id, {jahr('e.zeitpunkt')} AS jahr FROM {EREIGNIS} e"
        f" WHERE e.bedarf_id IN (SELECT id FROM betroffen) AND e.zu_status IN {ABGESCHLOSSEN}"
    )
    beitraege = (
        "SELECT b.quartier_id, x.jahr, x.anzahl FROM ("
        f"SELECT bedarf_id, jahr, -1 AS anzahl FROM ({vorher}) AS v"
        f" UNION ALL SELECT bedarf_id, jahr, 1 FROM ({nachher}) AS n) AS x"
        " JOIN betroffen b ON b.id = x.bedarf_id"
    )
    # The CTE `betroffen` (closed needs touched) is spliced in front of the rollup's WITH.
    sql = rollup("berichte_abschlusszahl", beitraege).replace(
        "WITH d AS (",
        f"WITH betroffen AS (SELECT id, quartier_id FROM {BEDARF} WHERE id IN ({betroffen})"
        f" AND status IN {ABGESCHLOSSEN}), d AS (",
        1,
    )
    return sperren(BEDARF, betroffen) + sql


def weiterleitung(alt, neu):
    return (
        sperren(BEDARF, f"SELECT bedarf_id FROM {alt} AS a UNION SELECT bedarf_id FROM {neu} AS n")
        + rollup("berichte_weiterleitungzahl", beide(WEITERLEITUNG_ZAHL, alt, neu))
        + rollup("berichte_antwortdauerzahl", beide(DAUER_ZAHL, alt, neu))
    )


def termin(alt, neu):
    return rollup("berichte_terminzahl", beide(TERMIN_ZAHL, alt, neu))


def teilnahme(alt, neu):
    return sperren(
        TERMIN, f"SELECT termin_id FROM {alt} AS a UNION SELECT termin_id FROM {neu} AS n"
    ) + rollup("berichte_terminzahl", beide(TEILNAHME_ZAHL, alt, neu))


TABELLEN = {
    BEDARF: bedarf,
    EREIGNIS: ereignis,
    WEITERLEITUNG: weiterleitung,
    TERMIN: termin,
    TEILNAHME: teilnahme,
}
OPERATIONEN = {
    "INSERT": "REFERENCING NEW TABLE AS neu",
    "UPDATE": "REFERENCING OLD TABLE AS alt NEW TABLE AS neu",
    "DELETE": "REFERENCING OLD TABLE AS alt",
}


def _name(tabelle):
    return f"berichte_rollup_{tabelle}"


def anlegen() -> str:
    teile = []
    for tabelle, beitrag in TABELLEN.items():
        leer = f"(SELECT * FROM {tabelle} LIMIT 0)"
        zweige = {
            "INSERT": beitrag(leer, "neu"),
            "UPDATE": beitrag("alt", "neu"),
            "DELETE": beitrag("alt", leer),
        }
        rumpf = "".join(f"IF TG_OP = '{op}' THEN {sql} END IF;" for op, sql in zweige.items())
        teile.append(
            f"CREATE FUNCTION {_name(tabelle)}() RETURNS trigger LANGUAGE plpgsql AS $$"
            f" DECLARE leere bigint[]; BEGIN {rumpf} RETURN NULL; END $$;"
        )
        for op, referenz in OPERATIONEN.items():
            teile.append(
                f"CREATE TRIGGER {_name(tabelle)}_{op.lower()} AFTER {op} ON {tabelle}"
                f" {referenz} FOR EACH STATEMENT EXECUTE FUNCTION {_name(tabelle)}();"
            )
    teile.append(neu_aufbauen())
    return "\n".join(teile)


def entfernen() -> str:
    teile = ["DROP FUNCTION berichte_rollups_neu_aufbauen();"]
    for tabelle in TABELLEN:
        teile += [f"DROP TRIGGER {_name(tabelle)}_{op.lower()} ON {tabelle};" for op in OPERATIONEN]
        teile.append(f"DROP FUNCTION {_name(tabelle)}();")
    return "\n".join(teile)


def neu_aufbauen() -> str:
    """`berichte_rollups_neu_aufbauen()`: every rollup recounted from the base tables, with
    the base tables locked against writes meanwhile (after a restore, or to repair)."""
    zaehlen = {
        "berichte_bedarfzahl": BEDARF_ZAHL.format(rows=BEDARF, sign="1"),
        "berichte_abschlusszahl": ABSCHLUSS_JE_BEDARF.format(rows=BEDARF, sign="1"),
        "berichte_weiterleitungzahl": WEITERLEITUNG_ZAHL.format(rows=WEITERLEITUNG, sign="1"),
        "berichte_antwortdauerzahl": DAUER_ZAHL.format(rows=WEITERLEITUNG, sign="1"),
        "berichte_terminzahl": TERMIN_ZAHL.format(rows=TERMIN, sign="1"),
    }
    schritte = [f"LOCK TABLE {', '.join(TABELLEN)} IN SHARE MODE;"]
    for ziel, sql in zaehlen.items():
        schluessel, masse = SCHLUESSEL[ziel]
        k = ", ".join(schluessel)
        summen = ", ".join(f"SUM({m})" for m in masse)
        schritte.append(
            f"DELETE FROM {ziel}; INSERT INTO {ziel} ({k}, {', '.join(masse)})"
            f" SELECT {k}, {summen} FROM ({sql}) AS beitrag GROUP BY {k};"
        )
    return (
        "CREATE FUNCTION berichte_rollups_neu_aufbauen() RETURNS void LANGUAGE plpgsql AS $$"
        f" BEGIN {' '.join(schritte)} END $$;"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("berichte", "0002_rollups"),
        ("bedarfe", "0005_titel_aehnlichkeit_je_quartier"),
        ("projekte", "0003_projekt_version"),
    ]

    operations = [
        migrations.RunSQL(anlegen(), entfernen()),
        migrations.RunSQL("SELECT berichte_rollups_neu_aufbauen();", migrations.RunSQL.noop),
    ]
