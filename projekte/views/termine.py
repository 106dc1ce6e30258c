"""Events: list, create/edit with participant numbers per target group, and the iCal feed.

The feed `/termine.ics?quartier=<slug>` decides what it shows like this:
- with `&token=<personal token>` (calendar programs cannot log in): every event of the
  quartier, if the token's owner may read the quartier; an unknown token gives 404;
- with a logged-in session: every event of a readable quartier;
- otherwise: only the quartier's public events.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from akteure import selectors as akteure_selectors
from quartiere.models import Quartier, Zielgruppe
from quartiere.rules import darf_quartier_lesen
from quartiere.selectors import bearbeitbare_quartiere_fuer, im_einzigen_quartier, quartiere_fuer
from quartiersmanagement import ical
from quartiersmanagement.form_widgets import add_form_errors
from quartiersmanagement.lists import ExportMixin, FilteredListView
from quartiersmanagement.permissions import permission

from .. import exports, selectors, services
from ..filters import TerminFilter
from ..forms import TerminForm

#: The list shows the activation per year of the filtered events of at most this many
#: quartiers (a QM's); the Leitung chooses a quartier or reads the city overview.
AKTIVIERUNG_HOECHSTENS_QUARTIERE = 5


class TerminListe(ExportMixin, FilteredListView):
    """Events of the user's quartiers, filtered; `?format=csv|xlsx` exports exactly the
    filtered events. Also the activation figures of the filtered events and the personal
    calendar feeds."""

    filterset_class = TerminFilter
    template_name = "projekte/termin_list.html"
    export_filename = "termine"

    def get_queryset(self):
        return selectors.termine_fuer(self.request.user)

    def page_queryset(self, queryset):
        # A QM's one quartier named outright: the page comes from the (quartier, beginn)
        # index instead of walking the whole city's events by date until 50 of it are found.
        return selectors.fuer_terminliste(im_einzigen_quartier(queryset, self.request.user))

    def export_columns(self):
        return exports.termin_spalten()

    def get_context_data(self, **kwargs):
        kontext = super().get_context_data(**kwargs)
        user = self.request.user
        quartiere = list(quartiere_fuer(user).only("name", "slug", "aktiv"))
        kontext["bearbeitbar"] = set(bearbeitbare_quartiere_fuer(user).values_list("pk", flat=True))
        # Counted from the events themselves, the figures of a whole city would read every
        # event and its participants per request; the city overview reads them from a rollup.
        einige = self.filterset.form.cleaned_data.get("quartier") or (
            len(quartiere) <= AKTIVIERUNG_HOECHSTENS_QUARTIERE
        )
        kontext["aktivierung_je_jahr"] = (
            selectors.aktivierung_je_jahr(self.object_list) if einige else None
        )
        return kontext


termin_liste = TerminListe.as_view()


def _termin_form(request, *, initial=None):
    bearbeitbar = bearbeitbare_quartiere_fuer(request.user)
    return TerminForm(
        request.POST or None,
        initial=initial,
        quartiere=Quartier.objects.filter(pk__in=bearbeitbar.values("pk")),
        projekte=selectors.bearbeitbare_projekte_fuer(request.user).order_by("titel"),
        zielgruppen=Zielgruppe.objects.filter(aktiv=True),
    )


def _termin_speichern(request, form, termin=None):
    daten = dict(form.cleaned_data)
    for feld in list(daten):
        if feld.startswith("teilnahme_"):
            del daten[feld]
    try:
        termin = services.termin_speichern(
            von=request.user, termin=termin, teilnahmen=form.teilnahmen(), **daten
        )
    except ValidationError as e:
        add_form_errors(form, e)
        return None
    messages.success(request, _("Der Termin wurde gespeichert."))
    return redirect(termin.projekt or "projekte:termine")


@permission("projekte.add_termin")
def termin_neu(request):
    initial = {}
    if request.GET.get("projekt"):
        projekt = get_object_or_404(
            selectors.bearbeitbare_projekte_fuer(request.user), slug=request.GET["projekt"]
        )
        initial = {"projekt": projekt.pk, "quartier": projekt.quartiere.first()}
    form = _termin_form(request, initial=initial)
    if request.method == "POST" and form.is_valid():
        antwort = _termin_speichern(request, form)
        if antwort:
            return antwort
    return render(request, "projekte/termin_form.html", {"form": form, "termin": None})


@permission(
    "projekte.change_termin",
    obj=lambda request, pk: selectors.termin_zum_bearbeiten(request.user, pk),
)
def termin_bearbeiten(request, termin):
    initial = {
        "quartier": termin.quartier_id,
        "projekt": termin.projekt_id,
        "titel": termin.titel,
        "beginn": termin.beginn,
        "ende": termin.ende,
        "ort": termin.ort,
        "beschreibung": termin.beschreibung,
        "oeffentlich": termin.oeffentlich,
        "abgesagt": termin.abgesagt,
        "ehrenamtliche": termin.ehrenamtliche,
        "ehrenamtsstunden": termin.ehrenamtsstunden,
        **{f"teilnahme_{t.zielgruppe_id}": t.anzahl for t in termin.teilnahmen.all()},
    }
    form = _termin_form(request, initial=initial)
    if request.method == "POST" and form.is_valid():
        antwort = _termin_speichern(request, form, termin)
        if antwort:
            return antwort
    return render(request, "projekte/termin_form.html", {"form": form, "termin": termin})


@login_not_required
@require_safe
def termine_ics(request):
    quartier = get_object_or_404(Quartier, slug=request.GET.get("quartier", ""))
    token = request.GET.get("token", "")
    if token:
        benutzer = akteure_selectors.benutzer_zum_token(token)
        if benutzer is None:
            raise Http404
    else:
        benutzer = request.user
    alle = benutzer.is_authenticated and darf_quartier_lesen(benutzer, quartier)
    if token and not alle:
        raise Http404
    name = _("Termine %(quartier)s") % {"quartier": quartier.name}
    if not alle:
        name = _("Öffentliche Termine %(quartier)s") % {"quartier": quartier.name}
    cal = ical.calendar(name=name)
    for t in selectors.feed_termine(quartier=quartier, nur_oeffentliche=not alle):
        cal.add_component(
            ical.event(
                uid=t.uid,
                start=t.beginn,
                end=t.ende,
                title=t.titel,
                modified=t.geaendert,
                sequence=t.sequenz,
                location=t.ort,
                description=t.beschreibung,
                cancelled=t.abgesagt,
            )
        )
    antwort = ical.ical_response(cal, filename=f"termine-{quartier.slug}")
    antwort["Cache-Control"] = "private, max-age=300"
    return antwort
