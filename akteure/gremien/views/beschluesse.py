"""Decisions (one vote table), the release of the minutes, amendments and the minutes PDF."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from quartiersmanagement.pdf import pdf_response
from quartiersmanagement.permissions import permission

from ...views.helpers import formularseite
from .. import beschluesse, selectors
from ..forms import AbstimmungForm, BerichtigungForm
from .sitzungen import sitzung_bearbeitbar

__all__ = [
    "beschluss_neu",
    "beschluss_bearbeiten",
    "beschluss_loeschen",
    "protokoll_freigeben",
    "berichtigung_neu",
    "protokoll_pdf",
]

beschluss_bearbeitbar = permission(
    "akteure.change_beschluss",
    obj=lambda request, pk: selectors.beschluss_fuer(request.user, pk),
)


def _abstimmungsseite(request, sitzung, *, titel, speichern, beschluss=None):
    form = AbstimmungForm(request.POST or None, sitzung=sitzung, beschluss=beschluss)
    return formularseite(
        request,
        form,
        titel=titel,
        zurueck=sitzung.get_absolute_url(),
        speichern=speichern,
        vorlage="akteure/beschluss_form.html",
        kontext={"sitzung": sitzung},
    )


@sitzung_bearbeitbar
def beschluss_neu(request, sitzung):
    def speichern(f):
        beschluesse.beschluss_fassen(sitzung=sitzung, benutzer=request.user, **f.service_daten())
        return sitzung.get_absolute_url()

    return _abstimmungsseite(request, sitzung, titel=_("Beschluss anlegen"), speichern=speichern)


@beschluss_bearbeitbar
def beschluss_bearbeiten(request, beschluss):
    def speichern(f):
        beschluesse.beschluss_aendern(beschluss=beschluss, **f.service_daten())
        return beschluss.sitzung.get_absolute_url()

    return _abstimmungsseite(
        request,
        beschluss.sitzung,
        titel=_("Beschluss bearbeiten"),
        speichern=speichern,
        beschluss=beschluss,
    )


@require_POST
@beschluss_bearbeitbar
def beschluss_loeschen(request, beschluss):
    try:
        beschluesse.beschluss_loeschen(beschluss=beschluss)
    except ValidationError as fehler:
        messages.error(request, " ".join(fehler.messages))
    else:
        messages.success(request, _("Beschluss gelöscht."))
    return redirect(beschluss.sitzung)


@require_POST
@sitzung_bearbeitbar
def protokoll_freigeben(request, sitzung):
    try:
        beschluesse.protokoll_freigeben(sitzung=sitzung, benutzer=request.user)
    except ValidationError as fehler:
        messages.error(request, " ".join(fehler.messages))
    else:
        messages.success(
            request, _("Protokoll freigegeben; Korrekturen nur noch als Berichtigung.")
        )
    return redirect(sitzung)


@sitzung_bearbeitbar
def berichtigung_neu(request, sitzung):
    form = BerichtigungForm(request.POST or None, sitzung=sitzung)

    def speichern(f):
        beschluesse.berichtigung_erfassen(sitzung=sitzung, benutzer=request.user, **f.cleaned_data)
        return sitzung.get_absolute_url()

    return formularseite(
        request,
        form,
        titel=_("Berichtigung des Protokolls erfassen"),
        zurueck=sitzung.get_absolute_url(),
        speichern=speichern,
        hinweis=_(
            "Das freigegebene Protokoll bleibt, wie es ist; die Berichtigung wird mit Datum "
            "und Grund darunter gedruckt."
        ),
    )


@require_safe
def protokoll_pdf(request, pk):
    sitzung = selectors.sitzung_detail(request.user, pk)
    return pdf_response(
        "akteure/pdf/protokoll.html",
        {"sitzung": sitzung},
        filename=f"protokoll-{timezone.localtime(sitzung.beginn):%Y-%m-%d}",
        request=request,
    )
