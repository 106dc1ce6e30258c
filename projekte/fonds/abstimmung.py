"""The Gremium's vote on an application above the fund's threshold: pick one of its meetings,
then record the vote in the committee's table; the service turns it into a Beschluss of that
meeting and grants or refuses the application by its result."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from quartiersmanagement.form_widgets import add_form_errors
from quartiersmanagement.submission import submit_once

from . import services
from .ablauf import erlaubte_aktionen
from .forms import GremiumEntscheidungForm, SitzungWahlForm
from .gremium import braucht_gremium
from .views import antrag_bearbeitbar

__all__ = ["antrag_gremium"]


@antrag_bearbeitbar
@submit_once
def antrag_gremium(request, antrag):
    """GET ?sitzung= shows the vote table of that meeting; POST records the decision."""
    if not braucht_gremium(antrag) or "bewilligen" not in erlaubte_aktionen(antrag):
        messages.info(request, _("Über diesen Antrag entscheidet jetzt kein Gremium."))
        return redirect(antrag)
    wahl = SitzungWahlForm(request.GET or None, antrag=antrag)
    kontext = {"antrag": antrag, "wahl": wahl}
    if not wahl.is_valid():
        return render(request, "projekte/antrag_gremium.html", kontext)
    sitzung = wahl.cleaned_data["sitzung"]
    form = GremiumEntscheidungForm(request.POST or None, antrag=antrag, sitzung=sitzung)
    if request.method == "POST" and form.is_valid():
        try:
            antrag = services.antrag_durch_gremium_entscheiden(
                antrag=antrag, von=request.user, sitzung=sitzung, **form.service_daten()
            )
        except ValidationError as fehler:
            add_form_errors(form, fehler)
        else:
            messages.success(
                request,
                _("Das Gremium hat entschieden: %(status)s.")
                % {"status": antrag.get_status_display()},
            )
            return redirect(antrag)
    kontext.update(form=form, sitzung=sitzung)
    status = 400 if request.method == "POST" else 200
    return render(request, "projekte/antrag_gremium.html", kontext, status=status)
