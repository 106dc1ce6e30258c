"""Builders for the URL walk (tests/test_zugriffsschutz.py) of the akteure app."""

from tests.factories import (
    AkteurFactory,
    AufgabeFactory,
    BeschlussFactory,
    BeziehungFactory,
    EinwilligungFactory,
    FunktionFactory,
    GremiumFactory,
    MitgliedschaftFactory,
    SitzungFactory,
    TagesordnungspunktFactory,
)


def _akteur(quartier, text):
    akteur = AkteurFactory(name=f"{text} Verein", beschreibung=text, ort=text)
    akteur.quartiere.add(quartier)
    return akteur


def _akteur_seite(quartier, text):
    return {"pk": _akteur(quartier, text).pk}


def _funktion(quartier, text):
    return FunktionFactory(
        akteur=_akteur(quartier, text), person__nachname=text, person__notiz=text, rolle=text
    )


def _person(quartier, text):
    return {"pk": _funktion(quartier, text).person.pk}


def _gremium(quartier, text):
    return GremiumFactory(quartier=quartier, name=text, beschreibung=text)


def _sitzung(quartier, text):
    return SitzungFactory(gremium=_gremium(quartier, text), titel=text, ort=text, protokoll=text)


OBJEKTE = {
    **dict.fromkeys(
        ["akteure:detail", "akteure:bearbeiten", "akteure:beziehung_neu"], _akteur_seite
    ),
    "akteure:beziehung_beenden": lambda q, t: {
        "pk": BeziehungFactory(quelle=_akteur(q, t), ziel=_akteur(q, t), notiz=t).pk
    },
    **dict.fromkeys(
        [
            "akteure:person",
            "akteure:person_bearbeiten",
            "akteure:einwilligung_neu",
            "akteure:funktion_neu",
        ],
        _person,
    ),
    "akteure:person_auskunft": lambda q, t: {**_person(q, t), "format": "json"},
    "akteure:einwilligung_widerrufen": lambda q, t: {
        "pk": EinwilligungFactory(person=_funktion(q, t).person, zweck=t).pk
    },
    "akteure:funktion_wechseln": lambda q, t: {"pk": _funktion(q, t).pk},
    "akteure:funktion_beenden": lambda q, t: {"pk": _funktion(q, t).pk},
    **dict.fromkeys(
        [
            "akteure:gremium",
            "akteure:gremium_bearbeiten",
            "akteure:mitglied_neu",
            "akteure:sitzung_neu",
            "akteure:gremium_ics",
        ],
        lambda q, t: {"pk": _gremium(q, t).pk},
    ),
    "akteure:mitgliedschaft_beenden": lambda q, t: {
        "pk": MitgliedschaftFactory(gremium=_gremium(q, t), akteur=_akteur(q, t)).pk
    },
    **dict.fromkeys(
        [
            "akteure:sitzung",
            "akteure:sitzung_bearbeiten",
            "akteure:sitzung_einladen",
            "akteure:protokoll_pdf",
            "akteure:top_neu",
            "akteure:teilnahme_neu",
            "akteure:anwesenheit",
            "akteure:beschluss_neu",
            "akteure:aufgabe_neu",
            "akteure:protokoll_freigeben",
            "akteure:berichtigung_neu",
        ],
        lambda q, t: {"pk": _sitzung(q, t).pk},
    ),
    **dict.fromkeys(
        ["akteure:top_bearbeiten", "akteure:top_loeschen"],
        lambda q, t: {
            "pk": TagesordnungspunktFactory(sitzung=_sitzung(q, t), titel=t, beschreibung=t).pk
        },
    ),
    "akteure:teilnahme_loeschen": lambda q, t: {"pk": _sitzung(q, t).teilnahmen.create(gast=t).pk},
    **dict.fromkeys(
        ["akteure:beschluss_bearbeiten", "akteure:beschluss_loeschen"],
        lambda q, t: {"pk": BeschlussFactory(sitzung=_sitzung(q, t), text=t).pk},
    ),
    **dict.fromkeys(
        ["akteure:aufgabe_erledigt", "akteure:aufgabe_bearbeiten", "akteure:aufgabe_loeschen"],
        lambda q, t: {"pk": AufgabeFactory(quartier=q, titel=t, beschreibung=t).pk},
    ),
}

# URLs with parameters that name no record of a quartier: checked like list pages.
OHNE_OBJEKT = {"akteure:import_vorlage": {"format": "csv"}}

# Calendar feeds: a calendar program cannot log in, so without the secret feed token (or a
# session) they answer 403 instead of redirecting to the login page.
NUR_MIT_TOKEN = {"akteure:gremium_ics", "akteure:sitzungen_ics"}
# Per-user pages: renewing one's own feed token is an action on the account.
EIGENES_KONTO = {"akteure:kalender"}
# Tables of the user's own account that such pages may change.
KONTODATEN = {"akteure.Kalenderzugang", "akteure.HistoricalKalenderzugang"}
