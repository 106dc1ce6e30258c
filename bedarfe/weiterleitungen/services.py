"""Writes of the forwards: route a need to a department or Stelle, record the answer, re-route
after "nicht zuständig". Following up (withdraw, extend, remind) is in `nachhalten`.

Every function takes keyword arguments, validates with German messages at the field and runs
in one transaction; every change writes a Bedarfsereignis on the need's timeline.
"""

import base64
import datetime
import hashlib
import hmac
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from quartiere.models import Fachbereich
from quartiersmanagement.mail import send_mail, site_url

from .. import zeitleiste
from ..models import Bedarf, Bedarfsereignis
from .models import Weiterleitung, token_pruefsumme

S = Bedarf.Status

#: States from which a need may be forwarded (again).
WEITERLEITBAR = {S.NEU, S.IN_PRUEFUNG, S.WEITERGELEITET, S.IN_BEARBEITUNG}
STANDARDFRIST = datetime.timedelta(weeks=4)

# Outcome of an answer -> status the need moves to (if it is still waiting for the answer).
_STATUS_NACH_ERGEBNIS = {
    Weiterleitung.Ergebnis.UEBERNOMMEN: S.IN_BEARBEITUNG,
    Weiterleitung.Ergebnis.IN_PLANUNG: S.IN_BEARBEITUNG,
}


def _token_aus_schluessel(schluessel: str) -> str:
    """The link token: HMAC of the stored random key with the SECRET_KEY (43 URL-safe chars)."""
    mac = hmac.new(
        settings.SECRET_KEY.encode(), f"bedarfe.antwort:{schluessel}".encode(), hashlib.sha256
    ).digest()
    return base64.urlsafe_b64encode(mac).decode().rstrip("=")


def antwort_link(weiterleitung: Weiterleitung) -> str:
    token = _token_aus_schluessel(weiterleitung.schluessel)
    return site_url() + reverse("bedarfe:antwort", kwargs={"token": token})


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
        fehler["kontakt_email"] = _(
            "Bitte geben Sie eine E-Mail-Adresse des Fachbereichs oder der Stelle an."
        )
    if bedarf.status not in WEITERLEITBAR:
        fehler["fachbereich"] = _(
            "Ein Bedarf im Status „%(s)s“ kann nicht weitergeleitet werden."
        ) % {"s": bedarf.get_status_display()}
    if fehler:
        raise ValidationError(fehler)
    schluessel, token_hash = neuer_schluessel()
    w = Weiterleitung(
        bedarf=bedarf,
        # the trigger writes it as well; known here, the shared cache renews this quartier
        # only, where a forward without it renewed every quartier's content
        quartier_id=bedarf.quartier_id,
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
    transaction.on_commit(lambda: mail_an_empfaenger(w.pk, vorlage="weiterleitung"))
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
        zeitleiste.status_setzen(
            bedarf, S.WEITERGELEITET, von=von, kommentar=kommentar, art=art, weiterleitung=w
        )
    else:
        zeitleiste.ereignis(bedarf, art, von=von, kommentar=kommentar, weiterleitung=w)


def mail_an_empfaenger(pk: int, *, vorlage: str) -> None:
    """Mail the forward's addressee (forward, reminder, new Frist, withdrawal); replies go to
    the quartier's mailbox or the sender."""
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


def _mail_an_qm(pk: int) -> None:
    """Tell the Quartiersmanagement that an answer came in through the link: the sender of the
    forward, else the quartier's mailbox."""
    w = Weiterleitung.objects.select_related("bedarf__quartier", "fachbereich", "gesendet_von").get(
        pk=pk
    )
    an = (w.gesendet_von.email if w.gesendet_von else "") or w.bedarf.quartier.kontakt_email
    if an:
        send_mail(
            template="antwort_eingegangen",
            to=[an],
            context={"weiterleitung": w, "bedarf": w.bedarf},
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
    benachrichtigen: bool = True,
) -> Weiterleitung:
    """Record the department's answer (through the link, or by staff after a call or letter).
    An answer through the link is new to the Quartiersmanagement: it gets an e-mail, and the
    answer stays unread (`antwort_gelesen_am`) until someone opens the need's page."""
    w = (
        Weiterleitung.objects.select_for_update()
        .select_related("fachbereich")
        .get(pk=weiterleitung.pk)
    )
    fehler = {}
    if w.beantwortet:
        fehler["ergebnis"] = _("Diese Weiterleitung ist bereits beantwortet.")
    elif w.zurueckgezogen:
        fehler["ergebnis"] = _("Diese Weiterleitung wurde zurückgezogen.")
    if ergebnis not in dict(Weiterleitung.ANTWORTEN):
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
    w.antwort_gelesen_am = w.beantwortet_am if von else None
    w.save()
    if von is None and benachrichtigen:  # the demo data load past answers without mail
        transaction.on_commit(lambda: _mail_an_qm(w.pk))

    bedarf = Bedarf.objects.select_for_update().get(pk=w.bedarf_id)
    extern = "" if von else (antwort_von.strip() or str(w.fachbereich))
    kommentar = f"{w.get_ergebnis_display()}: {w.antwort}"
    if vorgeschlagener_fachbereich:
        kommentar += " " + _("Vorschlag: %(fb)s.") % {"fb": vorgeschlagener_fachbereich}
    if ueber != Weiterleitung.Antwortweg.LINK:
        kommentar += " " + _("(erhalten per %(weg)s)") % {"weg": w.get_beantwortet_ueber_display()}
    neu = _STATUS_NACH_ERGEBNIS.get(ergebnis)
    if neu and bedarf.status == S.WEITERGELEITET:
        zeitleiste.status_setzen(
            bedarf,
            neu,
            von=von,
            extern=extern,
            kommentar=kommentar,
            art=Bedarfsereignis.Art.BEANTWORTET,
            weiterleitung=w,
        )
    else:
        zeitleiste.ereignis(
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
    """After 'nicht zuständig': forward to the suggested (or another) department or Stelle in one
    step; the new forward points to the old one, so the chain stays visible. A forward is
    re-routed once (a second click finds the successor and is refused)."""
    weiterleitung = (
        Weiterleitung.objects.select_for_update(of=("self",))
        .select_related("bedarf", "vorgeschlagener_fachbereich")
        .get(pk=weiterleitung.pk)
    )
    if weiterleitung.nachfolger.exists():
        raise ValidationError({"fachbereich": _("Diese Weiterleitung wurde schon umgeleitet.")})
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
        raise ValidationError(
            {"fachbereich": _("Bitte wählen Sie einen Fachbereich oder eine Stelle.")}
        )
    if an.pk == weiterleitung.fachbereich_id:
        raise ValidationError(
            {
                "fachbereich": _(
                    "Bitte wählen Sie einen anderen Fachbereich oder eine andere Stelle."
                )
            }
        )
    return bedarf_weiterleiten(
        bedarf=weiterleitung.bedarf,
        an=an,
        frist=frist,
        von=von,
        kontakt_email=an.email,
        nachricht=nachricht or weiterleitung.nachricht,
        vorgaenger=weiterleitung,
    )
