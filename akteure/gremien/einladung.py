"""Invitations to a meeting (with a preview and a "geänderte Einladung" after changes) and
the meeting as an iCal event."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from quartiersmanagement import ical
from quartiersmanagement.mail import send_mail

from .models import Mitgliedschaft, Sitzung


def sitzung_ereignis(sitzung: Sitzung):
    """The meeting as an iCal VEVENT (stable UID, SEQUENCE, CANCELLED when called off)."""
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
        Mitgliedschaft.objects.aktuell(sitzung.datum)
        .filter(gremium=sitzung.gremium)
        .select_related("akteur", "person")
    ):
        adresse = (m.akteur or m.person).email
        if adresse and adresse not in adressen:
            adressen.append(adresse)
    return adressen


def _kontext(sitzung: Sitzung, *, von, text: str) -> dict:
    return {
        "sitzung": sitzung,
        "tagesordnung": list(sitzung.tagesordnungspunkte.all()),
        "von": von,
        "text": text,
        "geaendert": sitzung.eingeladen_am is not None,
    }


def einladung_vorschau(*, sitzung: Sitzung, von, text: str = "") -> dict:
    """Subject and text exactly as the members will get them."""
    kontext = _kontext(sitzung, von=von, text=text)
    return {
        "betreff": " ".join(render_to_string("emails/akteure_einladung.subject", kontext).split()),
        "text": render_to_string("emails/akteure_einladung.txt", kontext),
        "empfaenger": einladungs_empfaenger(sitzung),
        "geaendert": kontext["geaendert"],
    }


@transaction.atomic
def sitzung_einladen(*, sitzung: Sitzung, von, text: str = "", stand: str | None = None) -> int:
    """E-mail each current member an invitation with the meeting as .ics; returns the count.

    A second invitation is a "geänderte Einladung". `stand` is the last invitation time the
    sender saw (ISO, "" for none): a double submit finds it changed and sends nothing twice.
    Members get one e-mail each (no addresses of others in To/Cc)."""
    sitzung = Sitzung.objects.select_for_update().get(pk=sitzung.pk)
    bisher = sitzung.eingeladen_am.isoformat() if sitzung.eingeladen_am else ""
    if stand is not None and stand != bisher:
        raise ValidationError(_("Die Einladung wurde inzwischen schon verschickt."))
    empfaenger = einladungs_empfaenger(sitzung)
    if not empfaenger:
        raise ValidationError(_("Kein aktuelles Mitglied dieses Gremiums hat eine E-Mail-Adresse."))
    cal = ical.calendar(name=str(sitzung.gremium))
    cal.add_component(sitzung_ereignis(sitzung))
    anhang = ("einladung.ics", ical.ical_bytes(cal), "text/calendar")
    kontext = _kontext(sitzung, von=von, text=text)
    for adresse in empfaenger:
        send_mail(
            template="akteure_einladung",
            to=[adresse],
            context=kontext,
            attachments=(anhang,),
            reply_to=[von.email] if getattr(von, "email", "") else None,
        )
    # Not a change of the meeting itself: no new calendar SEQUENCE.
    Sitzung.objects.filter(pk=sitzung.pk).update(eingeladen_am=timezone.now())
    return len(empfaenger)
