"""Committees and their members."""

from django import forms
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from quartiersmanagement.form_widgets import DateWidget
from quartiersmanagement.history import history_for
from quartiersmanagement.lists import FilteredListView
from quartiersmanagement.permissions import permission

from ...views.helpers import formularseite
from .. import selectors, services
from ..filters import GremiumFilter
from ..forms import GremiumForm, MitgliedschaftForm

__all__ = [
    "gremium_liste",
    "gremium_neu",
    "gremium_detail",
    "gremium_bearbeiten",
    "mitglied_neu",
    "mitgliedschaft_beenden",
]


class BisForm(forms.Form):
    bis = forms.DateField(label=gettext_lazy("bis"), widget=DateWidget())


class GremiumListe(FilteredListView):
    """Committees of the user's quartiers."""

    filterset_class = GremiumFilter
    template_name = "akteure/gremium_list.html"
    create_permission = "akteure.add_akteur"

    def get_queryset(self):
        return selectors.gremien_fuer(self.request.user)


gremium_liste = GremiumListe.as_view()


@permission("akteure.add_akteur")
def gremium_neu(request):
    form = GremiumForm(request.POST or None, user=request.user)
    return formularseite(
        request,
        form,
        titel=_("Gremium anlegen"),
        zurueck=reverse("akteure:gremien"),
        speichern=lambda f: services.gremium_anlegen(**f.cleaned_data),
    )


@require_safe
def gremium_detail(request, pk):
    gremium = selectors.gremium_detail(request.user, pk)
    mitglieder = gremium.alle_mitgliedschaften
    heute = timezone.localdate()
    return render(
        request,
        "akteure/gremium_detail.html",
        {
            "gremium": gremium,
            "aktuelle": [m for m in mitglieder if m.bis is None or m.bis >= heute],
            "fruehere": [m for m in mitglieder if m.bis is not None and m.bis < heute],
            "darf_bearbeiten": request.user.has_perm("akteure.change_gremium", gremium),
            "verlauf": history_for(gremium),
        },
    )


#: A committee of an edit page: 404 outside the user's quartiers, 403 for read-only roles.
gremium_bearbeitbar = permission(
    "akteure.change_gremium", obj=lambda request, pk: selectors.gremium_fuer(request.user, pk)
)


@gremium_bearbeitbar
def gremium_bearbeiten(request, gremium):
    form = GremiumForm(request.POST or None, instance=gremium, user=request.user)
    return formularseite(
        request,
        form,
        titel=_("Gremium bearbeiten"),
        zurueck=gremium.get_absolute_url(),
        speichern=lambda f: services.gremium_aendern(gremium=gremium, **f.cleaned_data),
    )


@gremium_bearbeitbar
def mitglied_neu(request, gremium):
    form = MitgliedschaftForm(request.POST or None, user=request.user, gremium=gremium)

    def speichern(f):
        services.mitgliedschaft_anlegen(gremium=gremium, **f.cleaned_data)
        return gremium.get_absolute_url()

    return formularseite(
        request,
        form,
        titel=_("Mitglied in „%(gremium)s“ aufnehmen") % {"gremium": gremium},
        zurueck=gremium.get_absolute_url(),
        speichern=speichern,
    )


@permission(
    "akteure.change_mitgliedschaft",
    obj=lambda request, pk: selectors.mitgliedschaft_fuer(request.user, pk),
)
def mitgliedschaft_beenden(request, m):
    form = BisForm(request.POST or None, initial={"bis": timezone.localdate()})

    def speichern(f):
        services.mitgliedschaft_beenden(mitgliedschaft=m, bis=f.cleaned_data["bis"])
        return m.gremium.get_absolute_url()

    return formularseite(
        request,
        form,
        titel=_("Mitgliedschaft von %(mitglied)s beenden") % {"mitglied": m.mitglied},
        zurueck=m.gremium.get_absolute_url(),
        speichern=speichern,
    )
