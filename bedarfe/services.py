"""Writes of the bedarfe app: record, change status, merge, forward, answer, remind, publish.

Every function takes keyword arguments, validates with German messages at the field and runs
in one transaction; every change of a need writes a Bedarfsereignis.
"""

import base64
import datetime
import hashlib
import hmac
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from quartiere.models import Fachbereich
from quartiersmanagement import shared_cache
from quartiersmanagement.mail import send_mail
from quartiersmanagement.versioning import Versioned, save_with_version

from .models import (
    Bedarf,
    Bedarfsereignis,
    Erhebung,
    Erhebungsdatei,
    Weiterleitung,
    token_pruefsumme,
)

S = Bedarf.Status

#: Allowed manual status changes. WEITERGELEITET is reached by forwarding, ZUSAMMENGEFUEHRT
#: only by merging. Leaving a closed status (reopening) needs a reason.
UEBERGAENGE: dict[str, set[str]] = {
    S.NEU: {S.IN_PRUEFUNG, S.IN_BEARBEITUNG, S.ZURUECKGESTELLT, S.NICHT_UMSETZBAR},
    S.IN_PRUEFUNG: {S.IN_BEARBEITUNG, S.ZURUECKGESTELLT, S.NICHT_UMSETZBAR, S.ERLEDIGT},
    S.WEITERGELEITET: {S.IN_PRUEFUNG, S.IN_BEARBEITUNG, S.ZURUECKGESTELLT, S.NICHT_UMSETZBAR},
    S.IN_BEARBEITUNG: {S.ERLEDIGT, S.NICHT_UMSETZBAR, S.ZURUECKGESTELLT},
    S.ERLEDIGT: {S.IN_PRUEFUNG},
    S.NICHT_UMSETZBAR: {S.IN_PRUEFUNG},
    S.ZURUECKGESTELLT: {S.IN_PRUEFUNG},
    S.ZUSAMMENGEFUEHRT: set(),
}
WIEDEROEFFNEN_AUS = {S.ERLEDIGT, S.NICHT_UMSETZBAR, S.ZURUECKGESTELLT}
#: States from which a need may be forwarded (again).
WEITERLEITBAR = {S.NEU, S.IN_PRUEFUNG, S.WEITERGELEITET, S.IN_BEARBEITUNG}
STANDARDFRIST = datetime.timedelta(weeks=4)

# Outcome of an answer -> status the need moves to (if it is still waiting for the answer).
_STATUS_NACH_ERGEBNIS = {
    Weiterleitung.Ergebnis.UEBERNOMMEN: S.IN_BEARBEITUNG,
    Weiterleitung.Ergebnis.IN_PLANUNG: S.IN_BEARBEITUNG,
}


def erlaubte_uebergaenge(bedarf: Bedarf) -> list[str]:
    """The statuses a user may choose next, in workflow order."""
    moeglich = UEBERGAENGE.get(bedarf.status, set())
    return [s for s in S.values if s in moeglich]


def _ereignis(
    bedarf, art, *, von=None, extern="", kommentar="", weiterleitung=None, alt="", neu=""
):
    return Bedarfsereignis.objects.create(
        bedarf=bedarf,
        art=art,
        benutzer=von,
        extern=extern,
        kommentar=kommentar,
        weiterleitung=weiterleitung,
        von_status=alt,
        zu_status=neu,
    )


def _status_setzen(bedarf, neu, *, von=None, extern="", kommentar="", art=None, weiterleitung=None):
    alt = bedarf.status
    bedarf.status = neu
    bedarf.save(update_fields=["status", "geaendert"])
    return _ereignis(
        bedarf,
        art or Bedarfsereignis.Art.STATUS,
        von=von,
        extern=extern,
        kommentar=kommentar,
        weiterleitung=weiterleitung,
        alt=alt,
        neu=neu,
    )


# --- Erhebungen -------------------------------------------------------------------------------


@transaction.atomic
def erhebung_speichern(*, erhebung: Erhebung, dateien=(), von=None) -> Erhebung:
    """Create or update an assessment and attach uploaded files (already validated)."""
    erhebung.full_clean()
    erhebung.save()
    for datei in dateien:
        anhang = Erhebungsdatei(erhebung=erhebung, datei=datei, dateiname=datei.name[:255])
        anhang.full_clean()
        anhang.save()
    return erhebung


# --- Bedarfe ----------------------------------------------------------------------------------


@transaction.atomic
def bedarf_anlegen(*, quartier, titel: str, von, zielgruppen=(), **felder) -> Bedarf:
    """Record a need; the timeline starts with 'erfasst'."""
    bedarf = Bedarf(quartier=quartier, titel=(titel or "").strip(), erfasst_von=von, **felder)
    if bedarf.erhebung_id and bedarf.erhebung.quartier_id != quartier.pk:
        raise ValidationError({"erhebung": _("Die Erhebung gehört zu einem anderen Quartier.")})
    bedarf.full_clean(exclude=["suchvektor"])
    bedarf.save()
    bedarf.zielgruppen.set(zielgruppen)
    _ereignis(bedarf, Bedarfsereignis.Art.ERSTELLT, von=von, neu=bedarf.status)
    return bedarf


#: Default of `bedarf_aendern`'s fields: the caller leaves the field as it is.
UNVERAENDERT = object()


@transaction.atomic
def bedarf_aendern(
    *,
    bedarf: Bedarf,
    von,
    titel=UNVERAENDERT,
    beschreibung=UNVERAENDERT,
    handlungsfeld=UNVERAENDERT,
    quelle=UNVERAENDERT,
    erhebung=UNVERAENDERT,
    gemeldet_am=UNVERAENDERT,
    ort=UNVERAENDERT,
    lage=UNVERAENDERT,
    prioritaet=UNVERAENDERT,
    nennungen=UNVERAENDERT,
    zielgruppen=None,
    version=None,
) -> Bedarf:
    """Change a need's data; notes who changed it on the timeline. Only the fields named here:
    the status changes through `bedarf_status_aendern` (the workflow), the quartier never.
    A field left out keeps its value.

    With `version` (the one the edit form was built from) a concurrent save by someone else
    raises EditConflict instead of being overwritten."""
    felder = {
        name: wert
        for name, wert in {
            "titel": titel,
            "beschreibung": beschreibung,
            "handlungsfeld": handlungsfeld,
            "quelle": quelle,
            "erhebung": erhebung,
            "gemeldet_am": gemeldet_am,
            "ort": ort,
            "lage": lage,
            "prioritaet": prioritaet,
            "nennungen": nennungen,
        }.items()
        if wert is not UNVERAENDERT
    }
    # Compare with the stored row: a ModelForm has already written its values to `bedarf`.
    spalten = {feld: Bedarf._meta.get_field(feld).attname for feld in felder}
    alt = Bedarf.objects.filter(pk=bedarf.pk).values(*spalten.values()).get()
    geaendert = []
    for feld, wert in felder.items():
        if alt[spalten[feld]] != getattr(wert, "pk", wert):
            geaendert.append(str(Bedarf._meta.get_field(feld).verbose_name))
        setattr(bedarf, feld, wert)
    bedarf.titel = (bedarf.titel or "").strip()
    if bedarf.erhebung_id and bedarf.erhebung.quartier_id != bedarf.quartier_id:
        raise ValidationError({"erhebung": _("Die Erhebung gehört zu einem anderen Quartier.")})
    bedarf.full_clean(exclude=["suchvektor", "version"])
    if version is None:
        bedarf.save()
    else:
        save_with_version(bedarf, expected_version=version)
    if zielgruppen is not None:
        vorher = set(bedarf.zielgruppen.values_list("pk", flat=True))
        if vorher != {z.pk for z in zielgruppen}:
            geaendert.append(str(Bedarf._meta.get_field("zielgruppen").verbose_name))
            bedarf.zielgruppen.set(zielgruppen)
    if geaendert:
        _ereignis(
            bedarf,
            Bedarfsereignis.Art.KOMMENTAR,
            von=von,
            kommentar=_("Angaben geändert: %(felder)s.") % {"felder": ", ".join(geaendert)},
        )
    return bedarf


@transaction.atomic
def bedarf_status_aendern(*, bedarf: Bedarf, status: str, von, kommentar: str = "") -> Bedarf:
    """Move a need along the workflow; only the transitions of UEBERGAENGE are allowed."""
    bedarf = Bedarf.objects.select_for_update().get(pk=bedarf.pk)
    if status not in UEBERGAENGE.get(bedarf.status, set()):
        raise ValidationError(
            {
                "status": _("Von „%(alt)s“ kann der Status nicht auf „%(neu)s“ wechseln.")
                % {"alt": bedarf.get_status_display(), "neu": _status_name(status)}
            }
        )
    if bedarf.status in WIEDEROEFFNEN_AUS and not kommentar.strip():
        raise ValidationError(
            {"kommentar": _("Bitte begründen Sie, warum der Bedarf wieder geöffnet wird.")}
        )
    _status_setzen(bedarf, status, von=von, kommentar=kommentar.strip())
    return bedarf


def _status_name(status) -> str:
    return dict(S.choices).get(status, str(status))


@transaction.atomic
def bedarf_kommentieren(*, bedarf: Bedarf, kommentar: str, von) -> Bedarfsereignis:
    if not kommentar.strip():
        raise ValidationError({"kommentar": _("Bitte geben Sie einen Kommentar ein.")})
    return _ereignis(bedarf, Bedarfsereignis.Art.KOMMENTAR, von=von, kommentar=kommentar.strip())


@transaction.atomic
def bedarf_zusammenfuehren(*, quelle: Bedarf, ziel: Bedarf, von) -> Bedarf:
    """Merge `quelle` into `ziel`: mentions add up, forwards, Zielgruppen and links of other
    apps move to `ziel`, both timelines stay (the target's page shows the source's events too),
    and `quelle` points to `ziel` with status 'zusammengeführt'."""
    gesperrt = {
        b.pk: b for b in Bedarf.objects.select_for_update().filter(pk__in=[quelle.pk, ziel.pk])
    }
    if quelle.pk == ziel.pk:
        raise ValidationError(
            {"ziel": _("Ein Bedarf kann nicht mit sich selbst zusammengeführt werden.")}
        )
    quelle, ziel = gesperrt[quelle.pk], gesperrt[ziel.pk]
    if quelle.quartier_id != ziel.quartier_id:
        raise ValidationError(
            {"ziel": _("Nur Bedarfe desselben Quartiers lassen sich zusammenführen.")}
        )
    if quelle.status == S.ZUSAMMENGEFUEHRT or ziel.status == S.ZUSAMMENGEFUEHRT:
        raise ValidationError({"ziel": _("Dieser Bedarf wurde schon zusammengeführt.")})

    # The version rises with the mentions and Zielgruppen: an edit form open on the target
    # would otherwise save its stale values over them.
    Bedarf.objects.filter(pk=ziel.pk).update(
        nennungen=F("nennungen") + quelle.nennungen, version=F("version") + 1
    )
    ziel.refresh_from_db(fields=["nennungen", "version"])
    ziel.zielgruppen.add(*quelle.zielgruppen.all())
    Weiterleitung.objects.filter(bedarf=quelle).update(bedarf=ziel)
    Bedarf.objects.filter(zusammengefuehrt_in=quelle).update(zusammengefuehrt_in=ziel)
    _verknuepfungen_umhaengen(quelle, ziel)
    # The update()s send no signals: content of the quartier in the shared cache renews.
    shared_cache.changed(quartier_id=ziel.quartier_id)

    alt = quelle.status
    quelle.status = S.ZUSAMMENGEFUEHRT
    quelle.zusammengefuehrt_in = ziel
    quelle.save(update_fields=["status", "zusammengefuehrt_in", "geaendert"])
    _ereignis(
        quelle,
        Bedarfsereignis.Art.ZUSAMMENGEFUEHRT,
        von=von,
        alt=alt,
        neu=S.ZUSAMMENGEFUEHRT,
        kommentar=_("Zusammengeführt in „%(ziel)s“.") % {"ziel": ziel.titel},
    )
    _ereignis(
        ziel,
        Bedarfsereignis.Art.ZUSAMMENGEFUEHRT,
        von=von,
        kommentar=_("„%(quelle)s“ hierher zusammengeführt (%(n)s Nennungen).")
        % {"quelle": quelle.titel, "n": quelle.nennungen},
    )
    return ziel


def _verknuepfungen_umhaengen(quelle: Bedarf, ziel: Bedarf) -> None:
    """Move links that other apps (e.g. projekte) hold to `quelle` over to `ziel`, without
    importing them: every many-to-many relation and foreign key to Bedarf declared elsewhere."""
    for rel in Bedarf._meta.related_objects:
        if rel.related_model._meta.app_label == Bedarf._meta.app_label:
            continue  # own relations are handled explicitly above
        if rel.many_to_many:
            _m2m_umhaengen(rel.through, quelle, ziel)
        elif rel.one_to_many:
            feld = rel.field.name
            rel.related_model._default_manager.filter(**{feld: quelle}).update(**{feld: ziel})


def _m2m_umhaengen(through, quelle: Bedarf, ziel: Bedarf) -> None:
    bedarf_feld = next(
        f.name for f in through._meta.fields if f.is_relation and f.related_model is Bedarf
    )
    anderes_feld = next(
        f.name
        for f in through._meta.fields
        if f.is_relation and f.related_model is not Bedarf and not f.primary_key
    )
    schon_am_ziel = through.objects.filter(**{bedarf_feld: ziel}).values(anderes_feld)
    through.objects.filter(**{bedarf_feld: quelle, f"{anderes_feld}__in": schon_am_ziel}).delete()
    anderes_modell = through._meta.get_field(anderes_feld).related_model
    if issubclass(anderes_modell, Versioned):
        # An edit form open on e.g. a project would put its stale list of needs back.
        anderes_modell._default_manager.filter(
            pk__in=through.objects.filter(**{bedarf_feld: quelle}).values(anderes_feld)
        ).update(version=F("version") + 1)
    through.objects.filter(**{bedarf_feld: quelle}).update(**{bedarf_feld: ziel})


@transaction.atomic
def antwort_freigeben(*, bedarf: Bedarf, oeffentlich: bool, oeffentliche_antwort: str, von):
    """Approve (or withdraw) a need and its answer for the public pages."""
    if oeffentlich and not oeffentliche_antwort.strip():
        raise ValidationError(
            {"oeffentliche_antwort": _("Bitte geben Sie den Text ein, der öffentlich erscheint.")}
        )
    bedarf.oeffentlich = oeffentlich
    bedarf.oeffentliche_antwort = oeffentliche_antwort.strip()
    bedarf.save(update_fields=["oeffentlich", "oeffentliche_antwort", "geaendert"])
    _ereignis(
        bedarf,
        Bedarfsereignis.Art.FREIGEGEBEN,
        von=von,
        kommentar=bedarf.oeffentliche_antwort
        if oeffentlich
        else _("Veröffentlichung zurückgenommen."),
    )
    return bedarf


# --- Weiterleitungen ----------------------------------------------------------------------------


def _token_aus_schluessel(schluessel: str) -> str:
    """The link token: HMAC of the stored random key with the SECRET_KEY (43 URL-safe chars)."""
    mac = hmac.new(
        settings.SECRET_KEY.encode(), f"bedarfe.antwort:{schluessel}".encode(), hashlib.sha256
    ).digest()
    return base64.urlsafe_b64encode(mac).decode().rstrip("=")


def antwort_link(weiterleitung: Weiterleitung) -> str:
    token = _token_aus_schluessel(weiterleitung.schluessel)
    return settings.SITE_URL + reverse("bedarfe:antwort", kwargs={"token": token})


def weiterleitung_zum_token(token: str) -> Weiterleitung | None:
    """The forward a token belongs to, or None for an unknown or altered token."""
    if not token or len(token) > 200:
        return None
    return (
        Weiterleitung.objects.select_related(
            "bedarf__quartier", "bedarf__handlungsfeld", "fachbereich"
        )
        .filter(token_hash=token_pruefsumme(token))
        .first()
    )


@transaction.atomic
def bedarf_weiterleiten(
    *,
    bedarf: Bedarf,
    an: Fachbereich,
    frist: datetime.date | None = None,
    von,
    kontakt_email: str = "",
    nachricht: str = "",
    vorgaenger: Weiterleitung | None = None,
) -> Weiterleitung:
    """Route a need to a department; it answers through a secret link sent by e-mail."""
    bedarf = Bedarf.objects.select_for_update().get(pk=bedarf.pk)
    heute = timezone.localdate()
    frist = frist or heute + STANDARDFRIST
    fehler = {}
    if frist <= heute:
        fehler["frist"] = _("Die Frist muss in der Zukunft liegen.")
    kontakt_email = (kontakt_email or an.email or "").strip()
    if not kontakt_email:
        fehler["kontakt_email"] = _("Bitte geben Sie eine E-Mail-Adresse des Fachbereichs an.")
    if bedarf.status not in WEITERLEITBAR:
        fehler["fachbereich"] = _(
            "Ein Bedarf im Status „%(s)s“ kann nicht weitergeleitet werden."
        ) % {"s": bedarf.get_status_display()}
    if fehler:
        raise ValidationError(fehler)
    schluessel, token_hash = neuer_schluessel()
    w = Weiterleitung(
        bedarf=bedarf,
        fachbereich=an,
        kontakt_email=kontakt_email,
        nachricht=nachricht.strip(),
        frist=frist,
        gesendet_von=von,
        vorgaenger=vorgaenger,
        schluessel=schluessel,
        token_hash=token_hash,
    )
    w.full_clean()
    w.save()
    weiterleitung_vermerken(bedarf=bedarf, weiterleitung=w, von=von)
    transaction.on_commit(lambda: _mail_weiterleitung(w.pk, vorlage="weiterleitung"))
    return w


def neuer_schluessel() -> tuple[str, str]:
    """A fresh random key and the SHA-256 of the link token derived from it."""
    schluessel = secrets.token_urlsafe(32)
    return schluessel, token_pruefsumme(_token_aus_schluessel(schluessel))


def weiterleitung_vermerken(*, bedarf: Bedarf, weiterleitung: Weiterleitung, von) -> None:
    """Note a forward on the timeline and move the need to 'weitergeleitet'."""
    w = weiterleitung
    kommentar = _("An %(fb)s (%(mail)s), Frist %(frist)s.") % {
        "fb": w.fachbereich,
        "mail": w.kontakt_email,
        "frist": w.frist.strftime("%d.%m.%Y"),
    }
    if w.vorgaenger:
        kommentar += " " + _("Umgeleitet von %(fb)s.") % {"fb": w.vorgaenger.fachbereich}
    art = Bedarfsereignis.Art.WEITERGELEITET
    if bedarf.status != S.WEITERGELEITET:
        _status_setzen(
            bedarf, S.WEITERGELEITET, von=von, kommentar=kommentar, art=art, weiterleitung=w
        )
    else:
        _ereignis(bedarf, art, von=von, kommentar=kommentar, weiterleitung=w)


def _mail_weiterleitung(pk: int, *, vorlage: str) -> None:
    w = Weiterleitung.objects.select_related("bedarf__quartier", "fachbereich", "gesendet_von").get(
        pk=pk
    )
    absender = w.bedarf.quartier.kontakt_email or (w.gesendet_von.email if w.gesendet_von else "")
    send_mail(
        template=vorlage,
        to=[w.kontakt_email],
        context={"weiterleitung": w, "bedarf": w.bedarf, "link": antwort_link(w)},
        reply_to=[absender] if absender else None,
    )


@transaction.atomic
def weiterleitung_beantworten(
    *,
    weiterleitung: Weiterleitung,
    ergebnis: str,
    antwort: str,
    ueber: str = Weiterleitung.Antwortweg.LINK,
    antwort_von: str = "",
    vorgeschlagener_fachbereich: Fachbereich | None = None,
    von=None,
) -> Weiterleitung:
    """Record the department's answer (through the link, or by staff after a call or letter)."""
    w = (
        Weiterleitung.objects.select_for_update()
        .select_related("fachbereich")
        .get(pk=weiterleitung.pk)
    )
    fehler = {}
    if w.beantwortet:
        fehler["ergebnis"] = _("Diese Weiterleitung ist bereits beantwortet.")
    if ergebnis not in Weiterleitung.Ergebnis.values:
        fehler["ergebnis"] = _("Bitte wählen Sie ein Ergebnis.")
    if not (antwort or "").strip():
        fehler["antwort"] = _("Bitte geben Sie eine Antwort ein.")
    if ergebnis != Weiterleitung.Ergebnis.NICHT_ZUSTAENDIG:
        vorgeschlagener_fachbereich = None
    elif vorgeschlagener_fachbereich and vorgeschlagener_fachbereich.pk == w.fachbereich_id:
        fehler["vorgeschlagener_fachbereich"] = _(
            "Bitte schlagen Sie einen anderen Fachbereich vor."
        )
    if fehler:
        raise ValidationError(fehler)
    w.ergebnis = ergebnis
    w.antwort = antwort.strip()
    w.beantwortet_am = timezone.now()
    w.beantwortet_ueber = ueber
    w.antwort_von = antwort_von.strip()
    w.vorgeschlagener_fachbereich = vorgeschlagener_fachbereich
    w.save()

    bedarf = Bedarf.objects.select_for_update().get(pk=w.bedarf_id)
    extern = "" if von else (antwort_von.strip() or str(w.fachbereich))
    kommentar = f"{w.get_ergebnis_display()}: {w.antwort}"
    if vorgeschlagener_fachbereich:
        kommentar += " " + _("Vorschlag: %(fb)s.") % {"fb": vorgeschlagener_fachbereich}
    if ueber != Weiterleitung.Antwortweg.LINK:
        kommentar += " " + _("(erhalten per %(weg)s)") % {"weg": w.get_beantwortet_ueber_display()}
    neu = _STATUS_NACH_ERGEBNIS.get(ergebnis)
    if neu and bedarf.status == S.WEITERGELEITET:
        _status_setzen(
            bedarf,
            neu,
            von=von,
            extern=extern,
            kommentar=kommentar,
            art=Bedarfsereignis.Art.BEANTWORTET,
            weiterleitung=w,
        )
    else:
        _ereignis(
            bedarf,
            Bedarfsereignis.Art.BEANTWORTET,
            von=von,
            extern=extern,
            kommentar=kommentar,
            weiterleitung=w,
        )
    return w


@transaction.atomic
def weiterleitung_umleiten(
    *, weiterleitung: Weiterleitung, an: Fachbereich | None = None, frist=None, von, nachricht=""
) -> Weiterleitung:
    """After 'nicht zuständig': forward to the suggested (or another) department in one step;
    the new forward points to the old one, so the chain stays visible."""
    weiterleitung = Weiterleitung.objects.select_related(
        "bedarf", "vorgeschlagener_fachbereich"
    ).get(pk=weiterleitung.pk)
    if weiterleitung.ergebnis != Weiterleitung.Ergebnis.NICHT_ZUSTAENDIG:
        raise ValidationError(
            {
                "fachbereich": _(
                    "Nur „nicht zuständig“ beantwortete Weiterleitungen werden umgeleitet."
                )
            }
        )
    an = an or weiterleitung.vorgeschlagener_fachbereich
    if an is None:
        raise ValidationError({"fachbereich": _("Bitte wählen Sie einen Fachbereich.")})
    return bedarf_weiterleiten(
        bedarf=weiterleitung.bedarf,
        an=an,
        frist=frist,
        von=von,
        kontakt_email=an.email,
        nachricht=nachricht or weiterleitung.nachricht,
        vorgaenger=weiterleitung,
    )


def erinnerungen_senden(*, stichtag: datetime.date | None = None) -> int:
    """Send one reminder per overdue, unanswered forward whose link is still valid, at most
    once per day; the date and count are noted on the forward. Returns the number sent."""
    heute = stichtag or timezone.localdate()
    gesendet = 0
    kandidaten = (
        Weiterleitung.objects.ueberfaellig(heute)
        .filter(frist__gte=heute - datetime.timedelta(weeks=8))
        .exclude(erinnert_am__gte=heute)
        .values_list("pk", flat=True)
    )
    for pk in list(kandidaten):
        with transaction.atomic():
            # The conditional update is the lock: a parallel run on the same day updates 0 rows.
            geaendert = (
                Weiterleitung.objects.filter(pk=pk, beantwortet_am__isnull=True)
                .exclude(erinnert_am__gte=heute)
                .update(erinnert_am=heute, erinnerungen=F("erinnerungen") + 1)
            )
            if geaendert:
                transaction.on_commit(lambda pk=pk: _mail_weiterleitung(pk, vorlage="erinnerung"))
                gesendet += 1
    return gesendet
