"""Writes of the oeffentlichkeit app."""

import datetime
import hashlib
import hmac
import io

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image, ImageOps, UnidentifiedImageError

from projekte.fonds import services as fonds_services
from projekte.models import Stadtteilfonds, neue_referenz
from quartiere.rules import darf_quartier_bearbeiten
from quartiersmanagement.letters import salutation
from quartiersmanagement.mail import send_mail

from .models import Beitrag, Formularversuch, Rueckmeldung

BILD_MIN = (300, 200)
BILD_MAX = (8000, 8000)
BILD_BREITE = 1600


def bild_aufbereiten(datei) -> ContentFile:
    """Check the pixel dimensions with Pillow and re-encode: at most BILD_BREITE pixels wide,
    JPEG, without metadata (EXIF may hold the camera's GPS position)."""
    try:
        with Image.open(datei) as probe:
            probe.verify()
        datei.seek(0)
        with Image.open(datei) as bild:
            breite, hoehe = bild.size
            if breite < BILD_MIN[0] or hoehe < BILD_MIN[1]:
                raise ValidationError(
                    {
                        "bild": _("Das Bild ist zu klein (mindestens %(b)s × %(h)s Pixel).")
                        % {"b": BILD_MIN[0], "h": BILD_MIN[1]}
                    }
                )
            if breite > BILD_MAX[0] or hoehe > BILD_MAX[1]:
                raise ValidationError(
                    {
                        "bild": _("Das Bild ist zu groß (höchstens %(b)s × %(h)s Pixel).")
                        % {"b": BILD_MAX[0], "h": BILD_MAX[1]}
                    }
                )
            bild = ImageOps.exif_transpose(bild).convert("RGB")
            bild.thumbnail((BILD_BREITE, BILD_BREITE * 4))
            ausgabe = io.BytesIO()
            bild.save(ausgabe, format="JPEG", quality=85, optimize=True)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as e:
        raise ValidationError({"bild": _("Das Bild kann nicht gelesen werden.")}) from e
    return ContentFile(ausgabe.getvalue(), name="bild.jpg")


@transaction.atomic
def beitrag_speichern(
    *,
    von,
    beitrag: Beitrag | None = None,
    quartier,
    titel,
    teaser,
    text,
    veroeffentlicht_am,
    bild=None,
    bild_alt: str = "",
) -> Beitrag:
    """Create or update a news item; only the QM of its (old and new) quartier may do so.
    A new image is checked and resized; every image needs an alternative text."""
    if not darf_quartier_bearbeiten(von, quartier) or (
        beitrag is not None and not darf_quartier_bearbeiten(von, beitrag.quartier)
    ):
        raise PermissionDenied
    fehler = {}
    if not titel.strip():
        fehler["titel"] = _("Bitte geben Sie einen Titel ein.")
    if not text.strip():
        fehler["text"] = _("Bitte geben Sie einen Text ein.")
    hat_bild = bild is not None or (beitrag is not None and bool(beitrag.bild))
    if hat_bild and not bild_alt.strip():
        fehler["bild_alt"] = _(
            "Bitte beschreiben Sie, was auf dem Bild zu sehen ist (für blinde Menschen)."
        )
    if fehler:
        raise ValidationError(fehler)
    aufbereitet = bild_aufbereiten(bild) if bild is not None else None
    beitrag = beitrag or Beitrag()
    beitrag.quartier = quartier
    beitrag.titel = titel.strip()
    beitrag.teaser = teaser.strip()
    beitrag.text = text.strip()
    beitrag.veroeffentlicht_am = veroeffentlicht_am
    beitrag.bild_alt = bild_alt.strip()
    if aufbereitet is not None:
        beitrag.bild.save(aufbereitet.name, aufbereitet, save=False)
    beitrag.full_clean(exclude=["bild"])
    beitrag.save()
    return beitrag


@transaction.atomic
def beitrag_loeschen(*, beitrag: Beitrag, von) -> None:
    """Delete a news item (only the QM of its quartier); its image file goes once the
    deletion is committed. The audit trail keeps who deleted what."""
    if not darf_quartier_bearbeiten(von, beitrag.quartier):
        raise PermissionDenied
    bild = beitrag.bild
    beitrag._history_user = von
    beitrag.delete()
    if bild:
        transaction.on_commit(lambda: bild.storage.delete(bild.name))


# --- online fund application ------------------------------------------------------------------

# Submissions per address and hour of each anonymous form, invalid ones included.
VERSUCHE_JE_STUNDE = {Formularversuch.Formular.ANTRAG: 5, Formularversuch.Formular.RUECKMELDUNG: 5}
LIMIT_MELDUNG = gettext_lazy(
    "Von Ihrem Anschluss sind in der letzten Stunde schon mehrere Eingaben gekommen. Bitte "
    "versuchen Sie es später noch einmal oder wenden Sie sich an das Stadtteilbüro."
)


def ip_hash(ip: str) -> str:
    """Keyed hash of the client address: enough to count, useless to identify."""
    return hmac.new(settings.SECRET_KEY.encode(), ip.encode(), hashlib.sha256).hexdigest()


@transaction.atomic
def formularversuch_zaehlen(*, formular: str, ip: str) -> bool:
    """Count one submission of an anonymous form, whatever becomes of it (valid, invalid, a
    bot caught by the honeypot); False when the address is past the hourly limit. Called
    before the form is validated, in its own transaction, so failed attempts count too."""
    schluessel = ip_hash(ip)
    # Serialise attempts of the same address, so parallel requests cannot pass the limit.
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [schluessel])
    jetzt = timezone.now()
    # Data minimisation: older attempts no longer count, so they go.
    Formularversuch.objects.filter(erstellt__lt=jetzt - datetime.timedelta(days=1)).delete()
    bisher = Formularversuch.objects.filter(
        formular=formular, ip_hash=schluessel, erstellt__gte=jetzt - datetime.timedelta(hours=1)
    ).count()
    if bisher >= VERSUCHE_JE_STUNDE[formular]:
        return False
    Formularversuch.objects.create(formular=formular, ip_hash=schluessel)
    return True


def scheinreferenz() -> str:
    """A reference number of the same kind as a real one, for a bot caught by the honeypot."""
    return neue_referenz()


def aktueller_fonds(quartier):
    """The quartier's fund of the current year, or None (then nobody can apply online)."""
    return Stadtteilfonds.objects.filter(quartier=quartier, jahr=timezone.localdate().year).first()


@transaction.atomic
def online_antrag_stellen(
    *,
    quartier,
    titel: str,
    zweck: str,
    kostenplan: str,
    betrag_beantragt,
    antragsteller_name: str,
    antragsteller_organisation: str = "",
    antragsteller_anrede: str = "",
    antragsteller_email: str,
    antragsteller_telefon: str = "",
    antragsteller_anschrift: str = "",
    einwilligung: bool,
):
    """A resident's application: state eingereicht via the projekte service, confirmed by
    e-mail with its reference number (the view counts it against the hourly limit first)."""
    fonds = aktueller_fonds(quartier)
    if fonds is None:
        raise ValidationError(_("Für dieses Quartier kann zurzeit kein Antrag gestellt werden."))
    antrag = fonds_services.antrag_anlegen(
        fonds=fonds,
        von=None,
        titel=titel,
        zweck=zweck,
        kostenplan=kostenplan,
        betrag_beantragt=betrag_beantragt,
        antragsteller_name=antragsteller_name,
        antragsteller_organisation=antragsteller_organisation,
        antragsteller_anrede=antragsteller_anrede,
        antragsteller_email=antragsteller_email,
        antragsteller_telefon=antragsteller_telefon,
        antragsteller_anschrift=antragsteller_anschrift,
        einwilligung=einwilligung,
    )
    kontext = {
        "antrag": antrag,
        "quartier": quartier,
        "referenz": antrag.referenz,
        "anrede": salutation(anrede=antrag.antragsteller_anrede, name=antrag.antragsteller_name),
    }
    antwort_an = [quartier.kontakt_email] if quartier.kontakt_email else None
    transaction.on_commit(
        lambda: send_mail(
            template="fondsantrag_eingang",
            to=[antragsteller_email],
            context=kontext,
            reply_to=antwort_an,
        )
    )
    return antrag


@transaction.atomic
def rueckmeldung_speichern(*, quartier, seite: str, nachricht: str, name: str, email: str):
    """Store the feedback and mail it to the QM mailbox of the quartier, else to the one
    configured mailbox (`RUECKMELDUNG_EMAIL`); reply-to the sender if she gave an address."""
    if not nachricht.strip():
        raise ValidationError({"nachricht": _("Bitte beschreiben Sie die Barriere.")})
    rueckmeldung = Rueckmeldung.objects.create(
        quartier=quartier, seite=seite, nachricht=nachricht.strip(), name=name, email=email
    )
    if quartier is not None and quartier.kontakt_email:
        an = [quartier.kontakt_email]
    else:
        an = [settings.RUECKMELDUNG_EMAIL]
    transaction.on_commit(
        lambda: send_mail(
            template="rueckmeldung_barrierefreiheit",
            to=an,
            context={"rueckmeldung": rueckmeldung},
            reply_to=[email] if email else None,
        )
    )
    return rueckmeldung
