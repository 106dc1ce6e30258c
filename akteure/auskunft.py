"""What the akteure app stores about a person, for the right of access (Art. 15 DSGVO).

Registered as parts of `quartiersmanagement.dsgvo.auskunft`; other apps add their own."""

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from quartiersmanagement import dsgvo

from .models import Aufgabe, Einwilligung, Funktion, Mitgliedschaft, Teilnahme


def _datum(wert) -> str:
    return date_format(wert, "SHORT_DATE_FORMAT") if wert else ""


def stammdaten(person) -> list[dict[str, str]]:
    return [
        {
            str(_("Vorname")): person.vorname,
            str(_("Nachname")): person.nachname,
            str(_("E-Mail")): person.email,
            str(_("Telefon")): person.telefon,
            str(_("Notiz")): person.notiz,
            str(_("löschen am")): _datum(person.loeschen_am),
            str(_("erfasst am")): _datum(person.erstellt),
        }
    ]


def einwilligungen(person) -> list[dict[str, str]]:
    return [
        {
            str(_("Zweck")): e.zweck,
            str(_("erteilt am")): _datum(e.erteilt_am),
            str(_("Quelle")): e.quelle,
            str(_("widerrufen am")): _datum(e.widerrufen_am),
        }
        for e in Einwilligung.objects.filter(person=person)
    ]


def funktionen(person) -> list[dict[str, str]]:
    return [
        {
            str(_("Akteur")): f.akteur.name,
            str(_("Rolle")): f.rolle,
            str(_("von")): _datum(f.von),
            str(_("bis")): _datum(f.bis),
        }
        for f in Funktion.objects.filter(person=person).select_related("akteur")
    ]


def mitgliedschaften(person) -> list[dict[str, str]]:
    return [
        {
            str(_("Gremium")): m.gremium.name,
            str(_("Rolle")): m.rolle,
            str(_("von")): _datum(m.von),
            str(_("bis")): _datum(m.bis),
        }
        for m in Mitgliedschaft.objects.filter(person=person).select_related("gremium")
    ]


def teilnahmen(person) -> list[dict[str, str]]:
    return [
        {
            str(_("Sitzung")): str(t.sitzung),
            str(_("Status")): t.get_status_display(),
        }
        for t in Teilnahme.objects.filter(person=person).select_related("sitzung__gremium")
    ]


def aufgaben(person) -> list[dict[str, str]]:
    return [
        {
            str(_("Aufgabe")): a.titel,
            str(_("fällig am")): _datum(a.faellig_am),
            str(_("erledigt am")): _datum(a.erledigt_am),
        }
        for a in Aufgabe.objects.filter(verantwortlich_person=person)
    ]


def verlauf(person) -> list[dict[str, str]]:
    """When the record was changed and by whom (the values are in the sections above)."""
    return [
        {
            str(_("Zeitpunkt")): date_format(h.history_date, "SHORT_DATETIME_FORMAT"),
            str(_("Art")): {"+": "angelegt", "~": "geändert", "-": "gelöscht"}[h.history_type],
            str(_("von")): str(h.history_user or _("System")),
        }
        for h in person.history.select_related("history_user")
    ]


def registrieren() -> None:
    for reihenfolge, (titel, zeilen) in enumerate(
        [
            (_("Personendaten"), stammdaten),
            (_("Einwilligungen"), einwilligungen),
            (_("Funktionen bei Akteuren"), funktionen),
            (_("Mitgliedschaften in Gremien"), mitgliedschaften),
            (_("Teilnahme an Sitzungen"), teilnahmen),
            (_("Aufgaben"), aufgaben),
            (_("Änderungen am Datensatz"), verlauf),
        ]
    ):
        dsgvo.auskunftsteil_registrieren(dsgvo.Auskunftsteil(titel, zeilen, reihenfolge))
