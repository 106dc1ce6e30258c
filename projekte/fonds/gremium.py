"""The deciding Gremium of a fund: above the threshold a decision needs one of its Sitzungen,
with the votes of its voting members; members who declared themselves biased cannot vote."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from akteure.models import Sitzung
from quartiersmanagement.templatetags.qm import euro

from .models import Stimmabgabe

STIMMFELDER = ("ja", "nein", "enthaltung")


def _namen(mitgliedschaften) -> str:
    return ", ".join(str(m.mitglied) for m in mitgliedschaften)


def braucht_gremium(antrag) -> bool:
    """Above the fund's threshold (by the amount requested) the Gremium decides, not the QM."""
    return antrag.betrag_beantragt > antrag.fonds.schwelle_qm


def entscheidung_pruefen(antrag, *, sitzung, ja, nein, enthaltung, befangen) -> dict | None:
    """None when the QM decides alone; else the checked votes {"ja": [...], ...}."""
    if not braucht_gremium(antrag):
        return None
    fonds = antrag.fonds
    if fonds.entscheidendes_gremium_id is None:
        raise ValidationError(
            {
                "sitzung": _(
                    "Für diesen Fonds ist kein entscheidendes Gremium eingetragen; "
                    "über Anträge über %(schwelle)s kann so nicht entschieden werden."
                )
                % {"schwelle": euro(fonds.schwelle_qm)}
            }
        )
    if sitzung is None:
        raise ValidationError(
            {
                "sitzung": _(
                    "Bei mehr als %(schwelle)s entscheidet das Gremium: Bitte die Sitzung angeben."
                )
                % {"schwelle": euro(fonds.schwelle_qm)}
            }
        )
    if sitzung.gremium_id != fonds.entscheidendes_gremium_id:
        raise ValidationError(
            {"sitzung": _("Die Sitzung gehört nicht zum entscheidenden Gremium des Fonds.")}
        )
    if sitzung.status == Sitzung.Status.ABGESAGT:
        raise ValidationError({"sitzung": _("Die Sitzung wurde abgesagt.")})
    sitzungstag = timezone.localtime(sitzung.beginn).date()
    if sitzungstag > timezone.localdate():
        raise ValidationError({"sitzung": _("Die Sitzung hat noch nicht stattgefunden.")})

    stimmen = {"ja": list(ja), "nein": list(nein), "enthaltung": list(enthaltung)}
    befangen = list(befangen)
    fehler = {}
    for feld, mitglieder in [*stimmen.items(), ("befangen", befangen)]:
        fremd = [
            m
            for m in mitglieder
            if m.gremium_id != sitzung.gremium_id
            or m.von > sitzungstag
            or (m.bis is not None and m.bis < sitzungstag)
        ]
        if fremd:
            fehler[feld] = _("Am Sitzungstag nicht Mitglied des Gremiums: %(namen)s.") % {
                "namen": _namen(fremd)
            }
    befangene_ids = {m.pk for m in befangen}
    gesehen = set()
    for feld, mitglieder in stimmen.items():
        if feld in fehler:
            continue
        ohne_recht = [m for m in mitglieder if not m.stimmberechtigt]
        befangene = [m for m in mitglieder if m.pk in befangene_ids]
        doppelt = [m for m in mitglieder if m.pk in gesehen]
        gesehen |= {m.pk for m in mitglieder}
        if befangene:
            fehler[feld] = _("Befangene Mitglieder dürfen nicht mitstimmen: %(namen)s.") % {
                "namen": _namen(befangene)
            }
        elif ohne_recht:
            fehler[feld] = _("Nicht stimmberechtigt: %(namen)s.") % {"namen": _namen(ohne_recht)}
        elif doppelt:
            fehler[feld] = _("Jedes Mitglied hat nur eine Stimme: %(namen)s.") % {
                "namen": _namen(doppelt)
            }
    if not fehler and not gesehen:
        fehler["ja"] = _("Bitte die Stimmen der Gremiumsmitglieder eintragen.")
    if fehler:
        raise ValidationError(fehler)
    return {**stimmen, "befangen": befangen}


def entscheidung_speichern(antrag, *, sitzung, stimmen) -> None:
    """Store the decision with its Sitzung and one vote row per member (biased ones included)."""
    antrag.sitzung = sitzung if stimmen is not None else None
    antrag.save()
    antrag.stimmen.all().delete()
    if stimmen is None:
        return
    for stimme, mitglieder in stimmen.items():
        for m in mitglieder:
            Stimmabgabe.objects.create(antrag=antrag, mitgliedschaft=m, stimme=stimme)
