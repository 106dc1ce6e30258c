"""Demo data of the base app: the facts of the Aachen concept and one login per role.

Called by `manage.py demo_daten`; idempotent (natural keys, update_or_create).
"""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from .models import (
    Berichtspflicht,
    Fachbereich,
    Handlungsfeld,
    Programm,
    Programmeinsatz,
    Quartier,
    Zielgruppe,
    Zustaendigkeit,
)
from .zugriff import GRUPPE_LEITUNG, GRUPPE_LESEND, GRUPPE_QUARTIERSMANAGEMENT

FACHBEREICHE = [
    ("FB 56", "Fachbereich Wohnen, Soziales und Integration"),
    ("FB 45", "Fachbereich Kinder, Jugend und Schule"),
    ("FB 61", "Fachbereich Stadtentwicklung und Stadtplanung"),
    ("FB 36", "Fachbereich Klima und Umwelt"),
    ("FB 32", "Fachbereich Sicherheit und Ordnung"),
    ("E 18", "Stadtbetrieb (Grünflächen, Straßenreinigung)"),
]

# Stellen outside the administration (fictional names), reachable through the answer link.
STELLEN = [
    ("VB", "Verkehrsbetrieb (Busse und Haltestellen, fiktiv)"),
    ("WG", "Wohnungsgesellschaft Nord (fiktiv)"),
    ("JC", "Jobcenter, Team Quartier (fiktiv)"),
    ("POL", "Polizei, Bezirksdienst (fiktiv)"),
    ("WV", "Wohlfahrtsverband, Migrationsberatung (fiktiv)"),
]

# (name, slug, Stadtbezirk, inhabitants, description)
QUARTIERE = [
    (
        "Preuswald",
        "preuswald",
        "Aachen-Mitte",
        2400,
        "Wohnsiedlung am Stadtwald mit Hochhäusern der 1970er-Jahre.",
    ),
    (
        "Forst/Driescher Hof",
        "forst-driescher-hof",
        "Aachen-Mitte",
        9800,
        "Großsiedlung im Aachener Osten mit vielen Familien.",
    ),
    (
        "Ost/Rothe Erde",
        "ost-rothe-erde",
        "Aachen-Mitte",
        13500,
        "Gründerzeitliches Quartier rund um den Bahnhof Rothe Erde.",
    ),
    (
        "Kronenberg/Kullen",
        "kronenberg-kullen",
        "",
        4100,
        "Wohnquartier mit Einfamilienhäusern und Geschosswohnungsbau.",
    ),
    (
        "Aachen-Nord",
        "aachen-nord",
        "Aachen-Mitte",
        15600,
        "Dicht bebautes Quartier mit hoher Zuwanderung und vielen Initiativen.",
    ),
    (
        "Eilendorf",
        "eilendorf",
        "Eilendorf",
        16400,
        "Stadtbezirk im Osten; Schwerpunkt Integration neu Zugewanderter.",
    ),
    (
        "Kronenberg",
        "kronenberg",
        "",
        3900,
        "Quartier mit Unterkünften für Geflüchtete und engagierter Nachbarschaft.",
    ),
    (
        "Richterich",
        "richterich",
        "Richterich",
        8900,
        "Stadtbezirk im Norden; Schwerpunkt Integration neu Zugewanderter.",
    ),
    (
        "Westparkviertel",
        "westparkviertel",
        "Aachen-Mitte",
        7200,
        "Innenstadtnahes Viertel am Westpark; Schwerpunkt altengerechtes Wohnen.",
    ),
]

HANDLUNGSFELDER = [
    "Wohnen und Wohnumfeld",
    "Nachbarschaft und Zusammenleben",
    "Bildung",
    "Kinder, Jugend und Familie",
    "Gesundheit und Pflege",
    "Integration und Teilhabe",
    "Arbeit und Beschäftigung",
    "Öffentlicher Raum, Umwelt und Verkehr",
    "Kultur und Freizeit",
    "Sicherheit und Sauberkeit",
]

ZIELGRUPPEN = [
    "Alle Bewohner:innen",
    "Kinder",
    "Jugendliche",
    "Familien",
    "Seniorinnen und Senioren",
    "Geflüchtete",
    "Menschen mit Migrationsgeschichte",
    "Menschen mit Behinderung",
    "Alleinerziehende",
    "Erwerbslose",
]

ALLGEMEIN = ["preuswald", "forst-driescher-hof", "ost-rothe-erde", "kronenberg-kullen"]
QFI = {"aachen-nord": 100, "eilendorf": 50, "kronenberg": 100, "richterich": 50}

# username -> (first name, last name, group, superuser, [(quartier slug, role)])
DEMO_LOGINS = {
    "admin": ("Ada", "Admin", None, True, []),
    "leitung": ("Lena", "Leitung", GRUPPE_LEITUNG, False, []),
    "qm-eilendorf": (
        "Emil",
        "Quartiersmanager",
        GRUPPE_QUARTIERSMANAGEMENT,
        False,
        [("eilendorf", Zustaendigkeit.Rolle.QUARTIERSMANAGEMENT)],
    ),
    "qm-westpark": (
        "Wanda",
        "Westpark",
        GRUPPE_QUARTIERSMANAGEMENT,
        False,
        [("westparkviertel", Zustaendigkeit.Rolle.QUARTIERSMANAGEMENT)],
    ),
    "lesend": (
        "Leo",
        "Lesend",
        GRUPPE_LESEND,
        False,
        [
            ("preuswald", Zustaendigkeit.Rolle.LESEND),
            ("forst-driescher-hof", Zustaendigkeit.Rolle.LESEND),
        ],
    ),
}
DEMO_BEGINN = datetime.date(2024, 1, 1)


@transaction.atomic
def laden(*, passwort: str) -> dict[str, str]:
    """Load the base facts; return the demo logins (username -> description)."""
    fachbereiche = {
        kuerzel: Fachbereich.objects.update_or_create(
            kuerzel=kuerzel,
            defaults={"name": name, "email": f"{kuerzel.replace(' ', '').lower()}@stadt.example"},
        )[0]
        for kuerzel, name in FACHBEREICHE
    }
    for kuerzel, name in STELLEN:
        Fachbereich.objects.update_or_create(
            kuerzel=kuerzel,
            defaults={"name": name, "email": f"{kuerzel.lower()}@stelle.example", "extern": True},
        )
    quartiere = {}
    for name, slug, bezirk, einwohner, beschreibung in QUARTIERE:
        quartiere[slug] = Quartier.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "stadtbezirk": bezirk,
                "einwohner": einwohner,
                "beschreibung": beschreibung,
                "buero_adresse": f"Stadtteilbüro {name}\nMusterstraße 1\n52062 Aachen",
                "sprechzeiten": "Di 10–12 Uhr, Do 15–17 Uhr",
                "kontakt_email": f"qm-{slug}@stadt.example",
                "oeffentlich": True,
            },
        )[0]
    for i, name in enumerate(HANDLUNGSFELDER):
        Handlungsfeld.objects.update_or_create(name=name, defaults={"sortierung": i})
    for i, name in enumerate(ZIELGRUPPEN):
        Zielgruppe.objects.update_or_create(name=name, defaults={"sortierung": i})
    _programme_laden(fachbereiche["FB 56"], quartiere)
    return _logins_laden(quartiere, passwort)


def _programme_laden(fb56, quartiere):
    allgemein = Programm.objects.update_or_create(
        name="Allgemeines Quartiersmanagement",
        defaults={
            "art": Programm.Art.KOMMUNAL,
            "foerdergeber": "Stadt Aachen",
            "fachbereich": fb56,
            "traeger": "Stadt Aachen",
            "laufzeit_von": datetime.date(2015, 1, 1),
            "laufzeit_bis": None,
        },
    )[0]
    for slug in ALLGEMEIN:
        _einsatz(allgemein, quartiere[slug], datetime.date(2015, 1, 1), None, 100)

    qfi = Programm.objects.update_or_create(
        name="Quartiersmanagement mit dem Schwerpunkt der Flüchtlingsintegration",
        defaults={
            "kurzname": "QFI",
            "art": Programm.Art.SONDERPROGRAMM_LAND,
            "foerdergeber": "Land Nordrhein-Westfalen",
            "fachbereich": fb56,
            "traeger": "Stadt Aachen",
            "laufzeit_von": datetime.date(2017, 1, 1),
            "laufzeit_bis": datetime.date(2019, 12, 31),
        },
    )[0]
    for slug, anteil in QFI.items():
        _einsatz(qfi, quartiere[slug], qfi.laufzeit_von, qfi.laufzeit_bis, anteil)
    Berichtspflicht.objects.update_or_create(
        programm=qfi,
        titel="Abschlussbericht QFI",
        defaults={
            "faellig_am": datetime.date(2020, 3, 31),
            "erledigt_am": datetime.date(2020, 3, 20),
        },
    )

    altengerecht = Programm.objects.update_or_create(
        name="Altengerechtes Quartier Westparkviertel",
        defaults={
            "kurzname": "Altengerechtes Quartier",
            "art": Programm.Art.LANDESFOERDERPROGRAMM,
            "foerdergeber": "Land Nordrhein-Westfalen",
            "fachbereich": fb56,
            "traeger": "Altenheim St. Elisabeth",
            "laufzeit_von": datetime.date(2024, 1, 1),
            "laufzeit_bis": datetime.date(2027, 12, 31),
        },
    )[0]
    _einsatz(
        altengerecht,
        quartiere["westparkviertel"],
        altengerecht.laufzeit_von,
        altengerecht.laufzeit_bis,
        100,
    )
    for titel, faellig in [
        ("Zwischenbericht 2026", datetime.date(2026, 12, 15)),
        ("Sachbericht 2026", datetime.date(2027, 3, 31)),
    ]:
        Berichtspflicht.objects.update_or_create(
            programm=altengerecht, titel=titel, defaults={"faellig_am": faellig}
        )


def _einsatz(programm, quartier, von, bis, anteil):
    Programmeinsatz.objects.update_or_create(
        programm=programm,
        quartier=quartier,
        von=von,
        defaults={"bis": bis, "stellenanteil": Decimal(anteil)},
    )


def _logins_laden(quartiere, passwort) -> dict[str, str]:
    Benutzer = get_user_model()
    logins = {}
    for username, (vorname, nachname, gruppe, superuser, rollen) in DEMO_LOGINS.items():
        benutzer, angelegt = Benutzer.objects.get_or_create(
            username=username,
            defaults={
                "first_name": vorname,
                "last_name": nachname,
                "email": f"{username}@stadt.example",
                "is_superuser": superuser,
                "is_staff": superuser,
            },
        )
        if angelegt:
            benutzer.set_password(passwort)
            benutzer.save(update_fields=["password"])
        if gruppe:
            benutzer.groups.add(Group.objects.get_or_create(name=gruppe)[0])
        for slug, rolle in rollen:
            Zustaendigkeit.objects.get_or_create(
                benutzer=benutzer,
                quartier=quartiere[slug],
                rolle=rolle,
                defaults={"von": DEMO_BEGINN},
            )
        logins[username] = _beschreibung(superuser, gruppe, rollen, quartiere)
    return logins


def _beschreibung(superuser, gruppe, rollen, quartiere) -> str:
    if superuser:
        return "Administration (alle Rechte, /admin/)"
    if gruppe == GRUPPE_LEITUNG:
        return "Leitung (liest alle Quartiere)"
    namen = ", ".join(quartiere[slug].name for slug, _rolle in rollen)
    return f"{gruppe} ({namen})"
