"""A person's functions: a further one at another actor, and ending one without a successor."""

from django.utils import timezone
from django.utils.translation import gettext as _

from quartiersmanagement.permissions import permission

from .. import selectors, services
from ..forms import FunktionBeendenForm, FunktionForm
from .akteure import person_bearbeitbar
from .helpers import formularseite

__all__ = ["funktion_beenden", "funktion_neu"]


@person_bearbeitbar
def funktion_neu(request, person):
    form = FunktionForm(request.POST or None, user=request.user)

    def speichern(f):
        services.funktion_anlegen(person=person, **f.cleaned_data)
        return person.get_absolute_url()

    return formularseite(
        request,
        form,
        titel=_("Funktion von %(person)s hinzufügen") % {"person": person},
        zurueck=person.get_absolute_url(),
        speichern=speichern,
        hinweis=_("Eine Person kann bei mehreren Akteuren zugleich eine Funktion haben."),
    )


@permission(
    "akteure.change_funktion",
    obj=lambda request, pk: selectors.funktion_fuer(request.user, pk),
)
def funktion_beenden(request, funktion):
    form = FunktionBeendenForm(request.POST or None, initial={"bis": timezone.localdate()})

    def speichern(f):
        services.funktion_beenden(funktion=funktion, bis=f.cleaned_data["bis"])
        return funktion.person.get_absolute_url()

    return formularseite(
        request,
        form,
        titel=_("Funktion „%(rolle)s“ bei %(akteur)s beenden")
        % {"rolle": funktion.rolle, "akteur": funktion.akteur.name},
        zurueck=funktion.person.get_absolute_url(),
        speichern=speichern,
        hinweis=_("Ohne Nachfolge; die Funktion bleibt in der Historie."),
    )
