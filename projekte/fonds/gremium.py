"""The deciding Gremium of a fund. Above the fund's threshold (by the amount requested) a
meeting of that Gremium decides, and its vote is one of the meeting's Beschlüsse, taken with the
committee's own checks (`akteure.gremien.beschluesse`: attendance, quorum, majority, biased
members). The motion is the grant; carried, the application is granted, otherwise refused.

The meeting page and its minutes name the application through `vorgaenge` (registered in
projekte/apps.py)."""

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from akteure.gremien import vorgaenge
from akteure.gremien.beschluesse import befangene_mitglieder
from akteure.models import Mitgliedschaft, Sitzung
from quartiersmanagement.templatetags.qm import euro

from .models import Fondsantrag


def braucht_gremium(antrag: Fondsantrag) -> bool:
    """Above the fund's threshold (by the amount requested) the Gremium decides, not the QM."""
    return antrag.betrag_beantragt > antrag.fonds.schwelle_qm


def sitzungen_zur_wahl(antrag: Fondsantrag) -> QuerySet[Sitzung]:
    """Meetings of the deciding Gremium that can take the decision: begun, not cancelled,
    minutes still a draft; the latest first."""
    return (
        Sitzung.objects.filter(
            gremium_id=antrag.fonds.entscheidendes_gremium_id,
            beginn__lte=timezone.now(),
            protokoll_freigegeben_am__isnull=True,
        )
        .exclude(status=Sitzung.Status.ABGESAGT)
        .select_related("gremium")
        .order_by("-beginn")
    )


def sitzung_pruefen(antrag: Fondsantrag, sitzung: Sitzung | None) -> None:
    """A German error at `sitzung` unless this meeting may decide the application."""
    fonds = antrag.fonds
    if fonds.entscheidendes_gremium_id is None:
        fehler = _(
            "Für diesen Fonds ist kein entscheidendes Gremium eingetragen; über Anträge über "
            "%(schwelle)s kann so nicht entschieden werden."
        ) % {"schwelle": euro(fonds.schwelle_qm)}
    elif sitzung is None:
        fehler = _("Bitte die Sitzung des Gremiums wählen.")
    elif sitzung.gremium_id != fonds.entscheidendes_gremium_id:
        fehler = _("Die Sitzung gehört nicht zum entscheidenden Gremium des Fonds.")
    else:
        return
    raise ValidationError({"sitzung": fehler})


def befangen(antrag: Fondsantrag, sitzung: Sitzung) -> list[Mitgliedschaft]:
    """The applicant's own memberships: biased, whatever the form says."""
    return befangene_mitglieder(sitzung, akteur=antrag.akteur) if antrag.akteur_id else []


def beschlusstext(antrag: Fondsantrag, betrag) -> str:
    """The motion the Gremium votes on; it names the application, so the minutes do too."""
    text = _("Fondsantrag %(referenz)s „%(titel)s“ (%(antragsteller)s): Bewilligung von %(betrag)s")
    return text % {
        "referenz": antrag.referenz,
        "titel": antrag.titel,
        "antragsteller": antrag.akteur or antrag.antragsteller_name,
        "betrag": euro(betrag),
    }


def vorgaenge_der_beschluesse(beschluss_ids: list[int]) -> dict[int, vorgaenge.Vorgang]:
    """The applications these decisions decided, for the meeting page and its minutes."""
    return {
        a.beschluss_id: vorgaenge.Vorgang(
            titel=_("Fondsantrag %(referenz)s") % {"referenz": a.referenz},
            url=reverse("projekte:antrag_detail", kwargs={"pk": a.pk}),
        )
        for a in Fondsantrag.objects.filter(beschluss_id__in=beschluss_ids).only(
            "pk", "referenz", "beschluss_id"
        )
    }
