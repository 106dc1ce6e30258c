"""Writes of the akteure app: validated, in one transaction, with German errors at the field."""

import datetime
import secrets

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from quartiersmanagement.versioning import save_with_version

from .models import (
    Akteur,
    Beziehung,
    Einwilligung,
    Funktion,
    Kalenderzugang,
    Person,
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


#: Default of the `_aendern` services' fields: the caller leaves the field as it is.
UNVERAENDERT = object()


def _setzen(obj, felder: dict) -> None:
    for name, wert in felder.items():
        if wert is not UNVERAENDERT:
            setattr(obj, name, wert)


@transaction.atomic
def akteur_aendern(
    *,
    akteur: Akteur,
    name=UNVERAENDERT,
    art=UNVERAENDERT,
    beschreibung=UNVERAENDERT,
    strasse=UNVERAENDERT,
    plz=UNVERAENDERT,
    ort=UNVERAENDERT,
    lage=UNVERAENDERT,
    email=UNVERAENDERT,
    telefon=UNVERAENDERT,
    website=UNVERAENDERT,
    aktiv=UNVERAENDERT,
    oeffentlich=UNVERAENDERT,
    einwilligung_am=UNVERAENDERT,
    einwilligung_quelle=UNVERAENDERT,
    quartiere=None,
    handlungsfelder=None,
    zielgruppen=None,
    version: int | None = None,
) -> Akteur:
    """Change an actor's data: only the fields named here (derived ones such as the search
    vector or the version never come from a caller); a field left out keeps its value."""
    _setzen(
        akteur,
        {
            "name": name,
            "art": art,
            "beschreibung": beschreibung,
            "strasse": strasse,
            "plz": plz,
            "ort": ort,
            "lage": lage,
            "email": email,
            "telefon": telefon,
            "website": website,
            "aktiv": aktiv,
            "oeffentlich": oeffentlich,
            "einwilligung_am": einwilligung_am,
            "einwilligung_quelle": einwilligung_quelle,
        },
    )
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
    rechtsgrundlage: str = Person.Rechtsgrundlage.EINWILLIGUNG,
    einwilligung_zweck: str = "",
    einwilligung_am: datetime.date | None = None,
    einwilligung_quelle: str = "",
) -> Person:
    """Create a contact person with her first Funktion (which makes her visible in the
    actor's quartiers) and her legal basis: the consent (purpose, date, source), or another
    basis with a deletion date."""
    if rechtsgrundlage == Person.Rechtsgrundlage.EINWILLIGUNG and not (
        einwilligung_zweck and einwilligung_am and einwilligung_quelle
    ):
        raise ValidationError(
            {
                "einwilligung_zweck": _(
                    "Ohne erfasste Einwilligung (Zweck, Datum, Quelle) darf die Person nicht "
                    "gespeichert werden; sonst eine andere Rechtsgrundlage und ein Löschdatum "
                    "angeben."
                )
            }
        )
    person = _speichern(
        Person(
            vorname=vorname,
            nachname=nachname,
            email=email,
            telefon=telefon,
            loeschen_am=loeschen_am,
            rechtsgrundlage=rechtsgrundlage,
        )
    )
    funktion_anlegen(person=person, akteur=akteur, rolle=rolle, von=von or timezone.localdate())
    if rechtsgrundlage == Person.Rechtsgrundlage.EINWILLIGUNG:
        einwilligung_erfassen(
            person=person,
            zweck=einwilligung_zweck,
            erteilt_am=einwilligung_am,
            quelle=einwilligung_quelle,
        )
    return person


@transaction.atomic
def person_aendern(
    *,
    person: Person,
    vorname=UNVERAENDERT,
    nachname=UNVERAENDERT,
    email=UNVERAENDERT,
    telefon=UNVERAENDERT,
    notiz=UNVERAENDERT,
    loeschen_am=UNVERAENDERT,
    rechtsgrundlage=UNVERAENDERT,
    version: int | None = None,
) -> Person:
    """Change a person's data (only these fields; the anonymisation date is the retention
    job's). Consent as the legal basis needs a recorded Einwilligung."""
    _setzen(
        person,
        {
            "vorname": vorname,
            "nachname": nachname,
            "email": email,
            "telefon": telefon,
            "notiz": notiz,
            "loeschen_am": loeschen_am,
            "rechtsgrundlage": rechtsgrundlage,
        },
    )
    if (
        person.rechtsgrundlage == Person.Rechtsgrundlage.EINWILLIGUNG
        and not person.einwilligungen.exists()
    ):
        raise ValidationError(
            {
                "rechtsgrundlage": _(
                    "Für diese Person ist keine Einwilligung erfasst: bitte zuerst eine "
                    "erfassen oder eine andere Rechtsgrundlage mit Löschdatum wählen."
                )
            }
        )
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
    """End a Funktion without a successor (she left the actor); the row stays as history."""
    funktion = Funktion.objects.select_for_update().get(pk=funktion.pk)
    if funktion.bis is not None:
        raise ValidationError({"bis": _("Diese Funktion ist bereits beendet.")})
    funktion.bis = bis
    return _speichern(funktion)


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
