"""Demo data of the akteure app: fictional actors, contact persons with consent, relations,
and a Stadtteilkonferenz per quartier with a past meeting (minutes, decisions, action items)
and a planned one. Idempotent: natural keys and get_or_create; no randomness."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from quartiere.models import Handlungsfeld, Quartier, Zielgruppe
from quartiersmanagement.text import german_slugify

from .gremien import beschluesse
from .models import (
    Akteur,
    Aufgabe,
    Beziehung,
    Beziehungsart,
    Einwilligung,
    Funktion,
    Gremium,
    Mitgliedschaft,
    Person,
    Sitzung,
    Tagesordnungspunkt,
    Teilnahme,
)

# (name pattern, Art, Handlungsfelder, Zielgruppen) – {q} is the quartier's name.
AKTEURE = [
    ("Grundschule {q} (Demo)", Akteur.Art.SCHULE, ["Bildung"], ["Kinder", "Familien"]),
    ("Kita Regenbogen {q} (Demo)", Akteur.Art.KITA, ["Kinder, Jugend und Familie"], ["Kinder"]),
    (
        "Bürgerverein {q} e. V. (Demo)",
        Akteur.Art.VEREIN,
        ["Nachbarschaft und Zusammenleben", "Kultur und Freizeit"],
        ["Alle Bewohner:innen"],
    ),
    (
        "Pfarrgemeinde St. Beispiel {q} (Demo)",
        Akteur.Art.RELIGIONSGEMEINSCHAFT,
        ["Nachbarschaft und Zusammenleben"],
        ["Seniorinnen und Senioren"],
    ),
    (
        "Jugendtreff {q} (Demo)",
        Akteur.Art.INITIATIVE,
        ["Kinder, Jugend und Familie"],
        ["Jugendliche"],
    ),
    ("Sportverein {q} 1920 e. V. (Demo)", Akteur.Art.VEREIN, ["Kultur und Freizeit"], ["Kinder"]),
    # Not linked to anyone yet: shows up as an isolated actor on the dashboard.
    (
        "Seniorentreff {q} (Demo)",
        Akteur.Art.INITIATIVE,
        ["Gesundheit und Pflege"],
        ["Seniorinnen und Senioren"],
    ),
]
# Actors serving every quartier.
STADTWEIT = [
    (
        "Wohlfahrtsverband Musterstadt (Demo)",
        Akteur.Art.WOHLFAHRTSVERBAND,
        ["Integration und Teilhabe", "Gesundheit und Pflege"],
        ["Geflüchtete", "Seniorinnen und Senioren"],
    ),
    (
        "Wohnungsgesellschaft Beispielbau (Demo)",
        Akteur.Art.WOHNUNGSUNTERNEHMEN,
        ["Wohnen und Wohnumfeld"],
        ["Alle Bewohner:innen"],
    ),
]
PERSONEN = [  # (first name, last name, actor index, role)
    ("Anna", "Demo-Schulz", 0, "Schulleitung"),
    ("Bernd", "Demo-Weber", 2, "Vorsitz"),
    ("Clara", "Demo-Yilmaz", 4, "Leitung"),
]


def _akteur(name, art, felder, gruppen, quartiere, oeffentlich):
    akteur, _neu = Akteur.objects.get_or_create(
        name=name,
        defaults={
            "art": art,
            # A full (fictional) postal address: letters to an applying actor need one.
            "strasse": f"Demoweg {len(name) % 40 + 1}",
            "plz": "52062",
            "ort": "Aachen",
            "email": f"{german_slugify(name)[:50]}@demo.example",
            "oeffentlich": oeffentlich,
            "einwilligung_am": datetime.date(2026, 1, 15) if oeffentlich else None,
            "einwilligung_quelle": "schriftlich (Demo)" if oeffentlich else "",
        },
    )
    akteur.quartiere.add(*quartiere)
    akteur.handlungsfelder.add(*Handlungsfeld.objects.filter(name__in=felder))
    akteur.zielgruppen.add(*Zielgruppe.objects.filter(name__in=gruppen))
    return akteur


@transaction.atomic
def laden() -> None:
    quartiere = list(Quartier.objects.all())
    stadtweit = [_akteur(n, a, f, g, quartiere, oeffentlich=True) for n, a, f, g in STADTWEIT]
    koop = Beziehungsart.objects.get_or_create(name="Kooperation")[0]
    foerderer = Beziehungsart.objects.get_or_create(name="Förderer")[0]
    heute = timezone.localdate()
    for quartier in quartiere:
        akteure = [
            _akteur(n.format(q=quartier.name), a, f, g, [quartier], oeffentlich=i % 2 == 0)
            for i, (n, a, f, g) in enumerate(AKTEURE)
        ]
        for quelle, ziel, art in (
            (akteure[0], akteure[1], koop),
            (akteure[2], akteure[3], koop),
            (akteure[4], akteure[0], koop),
            (akteure[5], akteure[4], koop),
            (stadtweit[1], akteure[2], foerderer),
        ):
            Beziehung.objects.get_or_create(
                quelle=quelle, ziel=ziel, art=art, defaults={"von": datetime.date(2025, 1, 1)}
            )
        personen = []
        for vorname, nachname, index, rolle in PERSONEN:
            person, _neu = Person.objects.get_or_create(
                vorname=vorname,
                nachname=f"{nachname} ({quartier.name})",
                defaults={
                    "email": f"{vorname.lower()}.{quartier.slug}@demo.example",
                    "loeschen_am": datetime.date(2028, 12, 31),
                },
            )
            Einwilligung.objects.get_or_create(
                person=person,
                zweck="Kontaktdaten für die Vernetzung und Einladungen",
                defaults={"erteilt_am": datetime.date(2026, 1, 15), "quelle": "schriftlich"},
            )
            Funktion.objects.get_or_create(
                person=person,
                akteur=akteure[index],
                bis=None,
                defaults={"rolle": rolle, "von": datetime.date(2025, 1, 1)},
            )
            personen.append(person)
        _gremium_laden(quartier, akteure + stadtweit, personen, heute)


def _gremium_laden(quartier, akteure, personen, heute):
    gremium, _neu = Gremium.objects.get_or_create(
        quartier=quartier,
        name=f"Stadtteilkonferenz {quartier.name}",
        defaults={"art": Gremium.Art.STADTTEILKONFERENZ, "oeffentlich": True},
    )
    gremium.handlungsfelder.add(*Handlungsfeld.objects.filter(name__startswith="Nachbarschaft"))
    # Not every actor sits in the conference: the map then shows bridges and outliers.
    for akteur in [akteure[0], akteure[2], akteure[3], akteure[-2]]:
        Mitgliedschaft.objects.get_or_create(
            gremium=gremium, akteur=akteur, bis=None, defaults={"von": datetime.date(2025, 1, 1)}
        )
    Mitgliedschaft.objects.get_or_create(
        gremium=gremium,
        person=personen[1],
        bis=None,
        defaults={"von": datetime.date(2025, 1, 1), "rolle": "Sprecher"},
    )
    zeit = datetime.time(18, 0)
    vergangen, neu = Sitzung.objects.get_or_create(
        gremium=gremium,
        titel="Herbstsitzung",
        defaults={
            "beginn": timezone.make_aware(
                datetime.datetime.combine(heute - datetime.timedelta(days=42), zeit)
            ),
            "ort": f"Stadtteilbüro {quartier.name}",
            "status": Sitzung.Status.DURCHGEFUEHRT,
            "protokoll": (
                "Das Quartiersmanagement begrüßt die Anwesenden. Berichte aus den "
                "Einrichtungen; Planung des Frühjahrsputzes und des Sommerfests."
            ),
        },
    )
    for nummer, titel in enumerate(
        ["Begrüßung", "Berichte aus den Einrichtungen", "Sommerfest", "Verschiedenes"], start=1
    ):
        Tagesordnungspunkt.objects.get_or_create(
            sitzung=vergangen, nummer=nummer, defaults={"titel": titel}
        )
    for akteur in akteure[:4]:
        Teilnahme.objects.get_or_create(sitzung=vergangen, akteur=akteur)
    if neu:
        _protokoll_laden(vergangen, akteure)
    for titel, faellig, erledigt, akteur in (
        ("Bühne und Strom für das Sommerfest anfragen", -10, None, akteure[2]),
        ("Einladung zum Frühjahrsputz verteilen", 30, None, akteure[4]),
        ("Protokoll an alle Mitglieder schicken", -35, -38, None),
    ):
        Aufgabe.objects.get_or_create(
            sitzung=vergangen,
            titel=titel,
            defaults={
                "quartier": quartier,
                "faellig_am": heute + datetime.timedelta(days=faellig),
                "erledigt_am": heute + datetime.timedelta(days=erledigt) if erledigt else None,
                "verantwortlich_akteur": akteur,
            },
        )
    if neu:
        _freigeben_und_berichtigen(vergangen, heute)
    geplant, _neu = Sitzung.objects.get_or_create(
        gremium=gremium,
        titel="Wintersitzung",
        defaults={
            "beginn": timezone.make_aware(
                datetime.datetime.combine(heute + datetime.timedelta(days=21), zeit)
            ),
            "ort": f"Stadtteilbüro {quartier.name}",
        },
    )
    for nummer, titel in enumerate(["Begrüßung", "Rückblick Sommerfest", "Jahresplanung"], 1):
        Tagesordnungspunkt.objects.get_or_create(
            sitzung=geplant, nummer=nummer, defaults={"titel": titel}
        )


def _protokoll_laden(sitzung, akteure):
    """The past meeting's vote, recorded per member through the service that checks it."""
    Sitzung.objects.filter(pk=sitzung.pk).update(anwohnende=12)
    sitzung.refresh_from_db()
    mitglieder = {m.akteur_id: m for m in sitzung.gremium.mitgliedschaften.filter(bis=None)}
    werte = {akteure[0].pk: "ja", akteure[2].pk: "ja", akteure[3].pk: "enthaltung"}
    beschluesse.beschluss_fassen(
        sitzung=sitzung,
        text="Die Stadtteilkonferenz unterstützt ein gemeinsames Sommerfest im Quartier.",
        tagesordnungspunkt=sitzung.tagesordnungspunkte.get(nummer=3),
        stimmen={mitglieder[pk]: wert for pk, wert in werte.items()},
    )


def _freigeben_und_berichtigen(sitzung, heute):
    """Released minutes with one amendment, as a Stadtteilkonferenz approves them next time."""
    benutzer = get_user_model().objects.filter(username="admin").first()
    if benutzer is None:
        return
    beschluesse.protokoll_freigeben(sitzung=sitzung, benutzer=benutzer)
    beschluesse.berichtigung_erfassen(
        sitzung=sitzung,
        datum=heute - datetime.timedelta(days=14),
        grund="Termin des Sommerfests falsch übertragen",
        text="Das Sommerfest findet am ersten Samstag im Juli statt, nicht im Juni.",
        beschluss=sitzung.beschluesse.first(),
        benutzer=benutzer,
    )
