"""Writes of the akteure app: validated, in one transaction, with German errors at the field."""

import datetime
import secrets

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from quartiersmanagement import ical
from quartiersmanagement.mail import send_mail
from quartiersmanagement.versioning import save_with_version

from .models import (
    Akteur,
    Aufgabe,
    Beschluss,
    Beziehung,
    Einwilligung,
    Funktion,
    Gremium,
    Kalenderzugang,
    Mitgliedschaft,
    Person,
    Sitzung,
    Tagesordnungspunkt,
    Teilnahme,
)


def _speichern(obj, *, version: int | None = None):
    """Validate (German errors at the fields) and save; a constraint that only the database
    could see (two requests at once) becomes a ValidationError instead of a server error.
    With the `version` an edit form was built from, someone else's save in between raises
    EditConflict instead of being overwritten."""
    obj.full_clean(exclude=["version"])
    try:
        with transaction.atomic():
            if version is None:
                obj.save()
            else:
                save_with_version(obj, expected_version=version)
    except IntegrityError as fehler:
        raise ValidationError(
            _("Die Änderung widerspricht einem gleichzeitig gespeicherten Eintrag.")
        ) from fehler
    return obj


# --- Akteure -------------------------------------------------------------------------------


@transaction.atomic
def akteur_anlegen(
    *, name: str, art: str, quartiere, handlungsfelder=(), zielgruppen=(), **felder
) -> Akteur:
    """Create an actor serving one or more quartiers."""
    if not quartiere:
        raise ValidationError({"quartiere": _("Bitte mindestens ein Quartier wählen.")})
    akteur = _speichern(Akteur(name=name, art=art, **felder))
    akteur.quartiere.set(quartiere)
    akteur.handlungsfelder.set(handlungsfelder)
    akteur.zielgruppen.set(zielgruppen)
    return akteur


@transaction.atomic
def akteur_aendern(
    *,
    akteur: Akteur,
    quartiere=None,
    handlungsfelder=None,
    zielgruppen=None,
    version: int | None = None,
    **felder,
) -> Akteur:
    for name, wert in felder.items():
        setattr(akteur, name, wert)
    if quartiere is not None and not quartiere:
        raise ValidationError({"quartiere": _("Bitte mindestens ein Quartier wählen.")})
    _speichern(akteur, version=version)
    if quartiere is not None:
        akteur.quartiere.set(quartiere)
    if handlungsfelder is not None:
        akteur.handlungsfelder.set(handlungsfelder)
    if zielgruppen is not None:
        akteur.zielgruppen.set(zielgruppen)
    return akteur


@transaction.atomic
def beziehung_anlegen(
    *,
    quelle: Akteur,
    ziel: Akteur,
    art,
    von: datetime.date | None = None,
    bis: datetime.date | None = None,
    notiz: str = "",
) -> Beziehung:
    return _speichern(Beziehung(quelle=quelle, ziel=ziel, art=art, von=von, bis=bis, notiz=notiz))


@transaction.atomic
def beziehung_beenden(*, beziehung: Beziehung, bis: datetime.date) -> Beziehung:
    beziehung.bis = bis
    return _speichern(beziehung)


# --- Personen ------------------------------------------------------------------------------


@transaction.atomic
def person_anlegen(
    *,
    nachname: str,
    akteur: Akteur,
    rolle: str,
    von: datetime.date | None = None,
    vorname: str = "",
    email: str = "",
    telefon: str = "",
    loeschen_am: datetime.date | None = None,
    einwilligung_zweck: str = "",
    einwilligung_am: datetime.date | None = None,
    einwilligung_quelle: str = "",
) -> Person:
    """Create a contact person with her first Funktion (which makes her visible in the
    actor's quartiers) and, if given, her consent."""
    person = _speichern(
        Person(
            vorname=vorname,
            nachname=nachname,
            email=email,
            telefon=telefon,
            loeschen_am=loeschen_am,
        )
    )
    funktion_anlegen(person=person, akteur=akteur, rolle=rolle, von=von or timezone.localdate())
    if einwilligung_zweck or einwilligung_am:
        einwilligung_erfassen(
            person=person,
            zweck=einwilligung_zweck,
            erteilt_am=einwilligung_am,
            quelle=einwilligung_quelle,
        )
    return person


@transaction.atomic
def person_aendern(*, person: Person, version: int | None = None, **felder) -> Person:
    for name, wert in felder.items():
        setattr(person, name, wert)
    return _speichern(person, version=version)


@transaction.atomic
def einwilligung_erfassen(*, person: Person, zweck: str, erteilt_am, quelle: str) -> Einwilligung:
    return _speichern(
        Einwilligung(person=person, zweck=zweck, erteilt_am=erteilt_am, quelle=quelle)
    )


@transaction.atomic
def einwilligung_widerrufen(*, einwilligung: Einwilligung, am: datetime.date) -> Einwilligung:
    einwilligung.widerrufen_am = am
    return _speichern(einwilligung)


@transaction.atomic
def funktion_anlegen(
    *, person: Person, akteur: Akteur, rolle: str, von: datetime.date, bis=None
) -> Funktion:
    return _speichern(Funktion(person=person, akteur=akteur, rolle=rolle, von=von, bis=bis))


@transaction.atomic
def funktion_wechseln(*, funktion: Funktion, rolle: str, ab: datetime.date) -> Funktion:
    """A new role from `ab` on: the old Funktion ends the day before, history stays."""
    funktion = Funktion.objects.select_for_update().get(pk=funktion.pk)
    if funktion.bis is not None:
        raise ValidationError({"rolle": _("Diese Funktion ist bereits beendet.")})
    if ab <= funktion.von:
        raise ValidationError(
            {"von": _("Der Wechsel muss nach dem Beginn der bisherigen Funktion liegen.")}
        )
    funktion.bis = ab - datetime.timedelta(days=1)
    _speichern(funktion)
    return funktion_anlegen(person=funktion.person, akteur=funktion.akteur, rolle=rolle, von=ab)


@transaction.atomic
def funktion_beenden(*, funktion: Funktion, bis: datetime.date) -> Funktion:
    funktion.bis = bis
    return _speichern(funktion)


# --- Gremien -------------------------------------------------------------------------------


@transaction.atomic
def gremium_anlegen(
    *, name: str, art: str, quartier, handlungsfelder=(), oeffentlich=False, beschreibung=""
) -> Gremium:
    gremium = _speichern(
        Gremium(
            name=name,
            art=art,
            quartier=quartier,
            oeffentlich=oeffentlich,
            beschreibung=beschreibung,
        )
    )
    gremium.handlungsfelder.set(handlungsfelder)
    return gremium


@transaction.atomic
def gremium_aendern(*, gremium: Gremium, handlungsfelder=None, **felder) -> Gremium:
    for name, wert in felder.items():
        setattr(gremium, name, wert)
    _speichern(gremium)
    if handlungsfelder is not None:
        gremium.handlungsfelder.set(handlungsfelder)
    return gremium


@transaction.atomic
def mitgliedschaft_anlegen(
    *,
    gremium: Gremium,
    akteur: Akteur | None = None,
    person: Person | None = None,
    von: datetime.date | None = None,
    bis: datetime.date | None = None,
    stimmberechtigt: bool = True,
    rolle: str = "",
) -> Mitgliedschaft:
    """Add a member; a second open membership of the same member is refused."""
    # Serialise concurrent additions to the same committee.
    Gremium.objects.select_for_update().get(pk=gremium.pk)
    return _speichern(
        Mitgliedschaft(
            gremium=gremium,
            akteur=akteur,
            person=person,
            von=von or timezone.localdate(),
            bis=bis,
            stimmberechtigt=stimmberechtigt,
            rolle=rolle,
        )
    )


@transaction.atomic
def mitgliedschaft_beenden(*, mitgliedschaft: Mitgliedschaft, bis: datetime.date):
    mitgliedschaft.bis = bis
    return _speichern(mitgliedschaft)


# --- Sitzungen -----------------------------------------------------------------------------


@transaction.atomic
def sitzung_anlegen(
    *,
    gremium: Gremium,
    beginn: datetime.datetime,
    ende: datetime.datetime | None = None,
    ort: str = "",
    titel: str = "",
    tagesordnung: list[str] = (),
) -> Sitzung:
    sitzung = _speichern(Sitzung(gremium=gremium, beginn=beginn, ende=ende, ort=ort, titel=titel))
    for nummer, top in enumerate(tagesordnung, start=1):
        _speichern(Tagesordnungspunkt(sitzung=sitzung, nummer=nummer, titel=top))
    return sitzung


@transaction.atomic
def sitzung_aendern(*, sitzung: Sitzung, **felder) -> Sitzung:
    """Change a meeting; its SEQUENCE grows so subscribed calendars update the entry."""
    for name, wert in felder.items():
        setattr(sitzung, name, wert)
    return _speichern(sitzung)


def sitzung_absagen(*, sitzung: Sitzung) -> Sitzung:
    return sitzung_aendern(sitzung=sitzung, status=Sitzung.Status.ABGESAGT)


@transaction.atomic
def top_anlegen(*, sitzung: Sitzung, titel: str, beschreibung: str = "") -> Tagesordnungspunkt:
    Sitzung.objects.select_for_update().get(pk=sitzung.pk)
    letzte = sitzung.tagesordnungspunkte.order_by("-nummer").values_list("nummer", flat=True)
    nummer = (letzte.first() or 0) + 1
    return _speichern(
        Tagesordnungspunkt(sitzung=sitzung, nummer=nummer, titel=titel, beschreibung=beschreibung)
    )


@transaction.atomic
def teilnahme_erfassen(
    *, sitzung: Sitzung, akteur=None, person=None, gast: str = "", status=Teilnahme.Status.ANWESEND
) -> Teilnahme:
    """Record (or update) one attendee's status."""
    if akteur or person:
        teilnahme, _neu = Teilnahme.objects.update_or_create(
            sitzung=sitzung,
            akteur=akteur,
            person=person,
            defaults={"status": status, "gast": gast},
        )
        return teilnahme
    if not gast:
        raise ValidationError(
            {"gast": _("Bitte einen Akteur, eine Person oder einen Gast angeben.")}
        )
    return _speichern(Teilnahme(sitzung=sitzung, gast=gast, status=status))


@transaction.atomic
def anwesenheit_erfassen(*, sitzung: Sitzung, eintraege: list[tuple]) -> int:
    """Record the status of many members at once: (akteur, person, status) triples; an empty
    status removes a recorded attendance. All or nothing."""
    for akteur, person, status in eintraege:
        if status:
            teilnahme_erfassen(sitzung=sitzung, akteur=akteur, person=person, status=status)
        else:
            Teilnahme.objects.filter(sitzung=sitzung, akteur=akteur, person=person).delete()
    return sum(1 for _a, _p, status in eintraege if status)


@transaction.atomic
def beschluss_erfassen(
    *,
    sitzung: Sitzung,
    text: str,
    ja: int = 0,
    nein: int = 0,
    enthaltung: int = 0,
    tagesordnungspunkt: Tagesordnungspunkt | None = None,
) -> Beschluss:
    if tagesordnungspunkt and tagesordnungspunkt.sitzung_id != sitzung.pk:
        raise ValidationError(
            {"tagesordnungspunkt": _("Der Tagesordnungspunkt gehört zu einer anderen Sitzung.")}
        )
    return _speichern(
        Beschluss(
            sitzung=sitzung,
            text=text,
            ja=ja,
            nein=nein,
            enthaltung=enthaltung,
            tagesordnungspunkt=tagesordnungspunkt,
        )
    )


@transaction.atomic
def aufgabe_anlegen(
    *,
    titel: str,
    quartier=None,
    sitzung: Sitzung | None = None,
    verantwortlich_akteur: Akteur | None = None,
    verantwortlich_person: Person | None = None,
    faellig_am: datetime.date | None = None,
    beschreibung: str = "",
) -> Aufgabe:
    """An action item; from a meeting it belongs to the committee's quartier."""
    if sitzung is not None:
        quartier = sitzung.gremium.quartier
    if quartier is None:
        raise ValidationError({"quartier": _("Bitte ein Quartier angeben.")})
    return _speichern(
        Aufgabe(
            titel=titel,
            quartier=quartier,
            sitzung=sitzung,
            verantwortlich_akteur=verantwortlich_akteur,
            verantwortlich_person=verantwortlich_person,
            faellig_am=faellig_am,
            beschreibung=beschreibung,
        )
    )


@transaction.atomic
def aufgabe_erledigen(*, aufgabe: Aufgabe, am: datetime.date | None = None) -> Aufgabe:
    aufgabe.erledigt_am = am or timezone.localdate()
    return _speichern(aufgabe)


# --- Einladungen und Kalender --------------------------------------------------------------


def sitzung_ereignis(sitzung: Sitzung):
    """The meeting as an iCal VEVENT (stable UID, SEQUENCE, CANCELLED when called off)."""
    from django.conf import settings

    return ical.event(
        uid=sitzung.ical_uid,
        start=sitzung.beginn,
        end=sitzung.ende,
        title=f"{sitzung.gremium.name}: {sitzung.titel}" if sitzung.titel else sitzung.gremium.name,
        modified=sitzung.geaendert,
        sequence=sitzung.sequenz,
        location=sitzung.ort,
        url=f"{settings.SITE_URL}{sitzung.get_absolute_url()}",
        cancelled=sitzung.status == Sitzung.Status.ABGESAGT,
    )


def einladungs_empfaenger(sitzung: Sitzung) -> list[str]:
    """E-mail addresses of the committee's current members (actor or person), no duplicates."""
    adressen = []
    for m in (
        Mitgliedschaft.objects.aktuell(timezone.localtime(sitzung.beginn).date())
        .filter(gremium=sitzung.gremium)
        .select_related("akteur", "person")
    ):
        adresse = (m.akteur or m.person).email
        if adresse and adresse not in adressen:
            adressen.append(adresse)
    return adressen


def sitzung_einladen(*, sitzung: Sitzung, von) -> int:
    """E-mail each current member an invitation with the meeting as .ics; returns the count.

    Members get one e-mail each (no addresses of others in To/Cc)."""
    empfaenger = einladungs_empfaenger(sitzung)
    if not empfaenger:
        raise ValidationError(_("Kein aktuelles Mitglied dieses Gremiums hat eine E-Mail-Adresse."))
    cal = ical.calendar(name=str(sitzung.gremium))
    cal.add_component(sitzung_ereignis(sitzung))
    anhang = ("einladung.ics", ical.ical_bytes(cal), "text/calendar")
    tagesordnung = list(sitzung.tagesordnungspunkte.all())
    for adresse in empfaenger:
        send_mail(
            template="akteure_einladung",
            to=[adresse],
            context={"sitzung": sitzung, "tagesordnung": tagesordnung, "von": von},
            attachments=(anhang,),
            reply_to=[von.email] if getattr(von, "email", "") else None,
        )
    return len(empfaenger)


@transaction.atomic
def kalenderzugang_erneuern(*, benutzer) -> Kalenderzugang:
    """Create or replace the user's secret feed token (old subscription links stop working).
    Only its hash is stored; the token is on the returned instance, to be shown this once."""
    token = secrets.token_urlsafe(32)
    zugang, _neu = Kalenderzugang.objects.update_or_create(
        benutzer=benutzer, defaults={"token_hash": Kalenderzugang.hash(token)}
    )
    zugang.token = token
    return zugang


def kalenderzugang_sperren(*, benutzer) -> bool:
    """Revoke the user's feed token: every subscription link stops working. True if one existed."""
    return Kalenderzugang.objects.filter(benutzer=benutzer).delete()[0] > 0


ANONYM = "(anonymisiert)"
PERSONENFELDER_LEER = {"vorname": "", "nachname": ANONYM, "email": "", "telefon": "", "notiz": ""}


@transaction.atomic
def personen_anonymisieren(stichtag: datetime.date, anwenden: bool) -> list[str]:
    """Art. 17 erasure of contact persons, registered with `dsgvo_bereinigen`.

    Due are persons whose deletion date has come, and persons who withdrew every consent they
    gave (consent is the only legal basis for keeping them). The row stays, so minutes,
    memberships and roles keep their shape, but names and contact data are blanked – in the
    current row and in every history record. Returns one German report line per person."""
    alle_widerrufen = Einwilligung.objects.filter(
        person=OuterRef("pk"), widerrufen_am__isnull=True
    ) | Einwilligung.objects.filter(person=OuterRef("pk"), widerrufen_am__gt=stichtag)
    faellig = (
        Person.objects.filter(anonymisiert_am__isnull=True)
        .annotate(
            hat_einwilligung=Exists(Einwilligung.objects.filter(person=OuterRef("pk"))),
            hat_gueltige=Exists(alle_widerrufen),
        )
        .filter(Q(loeschen_am__lte=stichtag) | Q(hat_einwilligung=True, hat_gueltige=False))
        .order_by("pk")
    )
    zeilen = []
    for person in faellig:
        grund = (
            _("Löschdatum %(datum)s erreicht") % {"datum": f"{person.loeschen_am:%d.%m.%Y}"}
            if person.loeschen_am and person.loeschen_am <= stichtag
            else _("alle Einwilligungen widerrufen")
        )
        zeilen.append(f"Person #{person.pk}: {grund}")
        if anwenden:
            _person_anonymisieren(person, stichtag)
    return zeilen


def _person_anonymisieren(person: Person, stichtag: datetime.date) -> None:
    for feld, wert in PERSONENFELDER_LEER.items():
        setattr(person, feld, wert)
    person.loeschen_am = None
    person.anonymisiert_am = stichtag
    person.save()
    Person.history.filter(id=person.pk).update(**PERSONENFELDER_LEER)
