"""Staff pages (login): write and edit the news items of the quartiers one manages."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from quartiere.selectors import bearbeitbare_quartiere_fuer
from quartiersmanagement.form_widgets import add_form_errors
from quartiersmanagement.lists import FilteredListView
from quartiersmanagement.permissions import permission

from .. import selectors, services
from ..filters import BeitragFilter
from ..forms import BeitragForm


class BeitragListe(FilteredListView):
    """News items of the user's quartiers; edit links for the quartiers the user manages."""

    filterset_class = BeitragFilter
    template_name = "oeffentlichkeit/beitrag_list.html"
    create_permission = "oeffentlichkeit.add_beitrag"

    def get_queryset(self):
        return selectors.beitraege_fuer(self.request.user)

    def get_context_data(self, **kwargs):
        kontext = super().get_context_data(**kwargs)
        kontext["bearbeitbar"] = set(
            bearbeitbare_quartiere_fuer(self.request.user).values_list("pk", flat=True)
        )
        return kontext


beitrag_liste = BeitragListe.as_view()


def _formular(request, beitrag=None):
    bearbeitbar = bearbeitbare_quartiere_fuer(request.user)
    initial = None
    if beitrag is not None:
        initial = {
            "quartier": beitrag.quartier_id,
            "titel": beitrag.titel,
            "teaser": beitrag.teaser,
            "text": beitrag.text,
            "veroeffentlicht_am": beitrag.veroeffentlicht_am,
            "bild_alt": beitrag.bild_alt,
        }
    form = BeitragForm(
        request.POST or None, request.FILES or None, initial=initial, quartiere=bearbeitbar
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.beitrag_speichern(von=request.user, beitrag=beitrag, **form.cleaned_data)
        except ValidationError as e:
            add_form_errors(form, e)
        else:
            messages.success(request, _("Der Beitrag wurde gespeichert."))
            return redirect("oeffentlichkeit:beitraege")
    return render(request, "oeffentlichkeit/beitrag_form.html", {"form": form, "beitrag": beitrag})


#: A news item of an edit page: 404 outside the user's quartiers, 403 for read-only roles.
beitrag_bearbeitbar = permission(
    "oeffentlichkeit.change_beitrag",
    obj=lambda request, pk: selectors.beitrag_fuer(request.user, pk),
)


@permission("oeffentlichkeit.add_beitrag")
def beitrag_neu(request):
    return _formular(request)


@beitrag_bearbeitbar
def beitrag_bearbeiten(request, beitrag):
    return _formular(request, beitrag)


@require_http_methods(["GET", "POST"])
@beitrag_bearbeitbar
def beitrag_loeschen(request, beitrag):
    """Asks first (GET), deletes on POST."""
    if request.method == "POST":
        services.beitrag_loeschen(beitrag=beitrag, von=request.user)
        messages.success(request, _("Der Beitrag wurde gelöscht."))
        return redirect("oeffentlichkeit:beitraege")
    return render(request, "oeffentlichkeit/beitrag_loeschen.html", {"beitrag": beitrag})
