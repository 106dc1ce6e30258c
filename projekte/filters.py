"""List filters; their values stay in the URL so a filtered list can be shared and exported."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from quartiere.models import Handlungsfeld, Programm, Quartier, Zielgruppe
from quartiere.selectors import programme_fuer, quartiere_fuer
from quartiersmanagement.list_filters import OneQueryChoiceFilter

from . import selectors
from .models import Projekt, Termin


class ProjektFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Suche"), method="suchen")
    quartier = OneQueryChoiceFilter(
        label=_("Quartier"), field_name="quartiere", queryset=Quartier.objects.none()
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Projekt.Status.choices)
    qm_rolle = django_filters.ChoiceFilter(label=_("Rolle des QM"), choices=Projekt.QmRolle.choices)
    handlungsfeld = OneQueryChoiceFilter(
        label=_("Handlungsfeld"), field_name="handlungsfelder", queryset=Handlungsfeld.objects.all()
    )
    zielgruppe = OneQueryChoiceFilter(
        label=_("Zielgruppe"), field_name="zielgruppen", queryset=Zielgruppe.objects.all()
    )
    programm = OneQueryChoiceFilter(label=_("Programm"), queryset=Programm.objects.none())
    sortierung = django_filters.OrderingFilter(
        label=_("Sortierung"),
        fields=(("titel", "titel"), ("status", "status"), ("beginn", "beginn"), ("ende", "ende")),
        field_labels={
            "titel": _("Titel"),
            "status": _("Status"),
            "beginn": _("Beginn"),
            "ende": _("Ende"),
        },
    )

    class Meta:
        model = Projekt
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["quartier"].queryset = quartiere_fuer(self.request.user).only("name")
        self.filters["programm"].queryset = programme_fuer(self.request.user)

    def suchen(self, qs, name, wert):
        return selectors.suchen(qs, wert).order_by("-rang", "titel") if wert.strip() else qs

    @property
    def qs(self):
        # M2M filters join; keep one row per project without DISTINCT on the search rank.
        qs = super().qs
        if (
            self.form.cleaned_data.get("quartier")
            or self.form.cleaned_data.get("handlungsfeld")
            or self.form.cleaned_data.get("zielgruppe")
        ):
            return qs.distinct()
        return qs


class TerminFilter(django_filters.FilterSet):
    quartier = OneQueryChoiceFilter(label=_("Quartier"), queryset=Quartier.objects.none())
    von = django_filters.DateFilter(
        label=_("ab"),
        field_name="beginn",
        lookup_expr="date__gte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    bis = django_filters.DateFilter(
        label=_("bis"),
        field_name="beginn",
        lookup_expr="date__lte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    oeffentlich = django_filters.BooleanFilter(label=_("öffentlich"))
    abgesagt = django_filters.BooleanFilter(label=_("abgesagt"))
    sortierung = django_filters.OrderingFilter(
        label=_("Sortierung"),
        fields=(("beginn", "beginn"), ("titel", "titel")),
        field_labels={"beginn": _("Beginn"), "titel": _("Titel")},
    )

    class Meta:
        model = Termin
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["quartier"].queryset = quartiere_fuer(self.request.user).only("name")
