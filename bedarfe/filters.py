"""The filters of the needs list; every value stays in the URL so a view can be bookmarked."""

import django_filters
from django import forms
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import Exists, F, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_filters.widgets import BaseCSVWidget

from quartiere.models import Fachbereich, Handlungsfeld, Zielgruppe
from quartiere.selectors import quartiere_fuer
from quartiersmanagement import lists
from quartiersmanagement.form_widgets import DateWidget
from quartiersmanagement.list_filters import OneQueryChoiceFilter

from .models import Bedarf, Erhebung, Weiterleitung

SORTIERUNG = (
    ("titel", "titel"),
    ("quartier__name", "quartier"),
    ("status", "status"),
    ("prioritaet", "prioritaet"),
    ("nennungen", "nennungen"),
    ("gemeldet_am", "gemeldet_am"),
)


class VersteckteSortierung(BaseCSVWidget, forms.HiddenInput):
    """Keeps the sort order (set by the column headers) when the filter form is sent."""


class SortierungMitId(django_filters.OrderingFilter):
    """Sorts by the chosen column, then by id in the same direction: a fixed order for rows of
    equal value (pages neither repeat nor skip a need), and for "gemeldet_am" exactly the order
    of the index (quartier, gemeldet_am, id) that serves a quartier's list."""

    def filter(self, qs, value):
        qs = super().filter(qs, value)
        if value in django_filters.constants.EMPTY_VALUES or not qs.query.order_by:
            return qs
        absteigend = str(qs.query.order_by[-1]).startswith("-")
        return qs.order_by(*qs.query.order_by, "-pk" if absteigend else "pk")


class BedarfFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Suche"), method="volltext", help_text=_("Titel und Beschreibung")
    )
    quartier = OneQueryChoiceFilter(label=_("Quartier"), queryset=None)
    handlungsfeld = OneQueryChoiceFilter(
        label=_("Handlungsfeld"), queryset=Handlungsfeld.objects.all()
    )
    zielgruppe = OneQueryChoiceFilter(
        label=_("Zielgruppe"), queryset=Zielgruppe.objects.all(), method="nach_zielgruppe"
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Bedarf.Status.choices)
    offen = django_filters.BooleanFilter(
        label=_("offen"),
        method="nach_offen",
        help_text=_("offen = nicht erledigt, nicht umsetzbar oder zusammengeführt"),
        widget=forms.Select(choices=[("", "—"), ("true", _("ja")), ("false", _("nein"))]),
    )
    prioritaet = django_filters.ChoiceFilter(
        label=_("Priorität"), choices=Bedarf.Prioritaet.choices
    )
    gemeldet_ab = django_filters.DateFilter(
        label=_("gemeldet ab"), field_name="gemeldet_am", lookup_expr="gte", widget=DateWidget
    )
    gemeldet_bis = django_filters.DateFilter(
        label=_("gemeldet bis"), field_name="gemeldet_am", lookup_expr="lte", widget=DateWidget
    )
    ueberfaellig = django_filters.BooleanFilter(
        label=_("Weiterleitung überfällig"),
        method="nach_ueberfaellig",
        widget=forms.Select(choices=[("", "—"), ("true", _("ja")), ("false", _("nein"))]),
    )
    fachbereich = OneQueryChoiceFilter(
        label=_("weitergeleitet an"), queryset=Fachbereich.objects.all(), method="nach_fachbereich"
    )
    sortierung = SortierungMitId(label=_("Sortierung"), fields=SORTIERUNG)

    #: The full-text search (`q`) as a query, set by `volltext`; None without search words.
    suchanfrage: SearchQuery | None = None
    #: The search's hits counted up to COUNT_LIMIT + 1 to choose their order, for the
    #: paginator (`views.BedarfListe`); None without a search or with a sorted column.
    treffer: int | None = None
    #: Whether the search found more than COUNT_LIMIT needs and shows the newest first.
    viele_treffer = False

    class Meta:
        model = Bedarf
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["quartier"].queryset = quartiere_fuer(self.request.user).only("name")
        self.form.fields["sortierung"].widget = VersteckteSortierung()

    def filter_queryset(self, queryset):
        """Merged needs live on in their target; they show only when asked for by status.
        Search results come best matches first, unless a column is sorted."""
        if not self.form.cleaned_data.get("status"):
            queryset = queryset.exclude(status=Bedarf.Status.ZUSAMMENGEFUEHRT)
        queryset = super().filter_queryset(queryset)
        if self.suchanfrage is not None and not self.form.cleaned_data.get("sortierung"):
            queryset = self._beste_zuerst(queryset)
        return queryset

    def _beste_zuerst(self, queryset):
        """Order the found needs by rank, or newest first when there are more than the list
        offers (COUNT_LIMIT): ranking means reading and scoring every hit, and a common
        word across a whole city (a third of 200,000 needs) took 40 ms, while the newest hits
        come from the date index. The rank reads the stored vector (F): a plain field name made
        Django rebuild a vector from the column's text per row (in the default config)."""
        self.treffer = queryset.order_by().values("pk")[: lists.COUNT_LIMIT + 1].count()
        self.viele_treffer = self.treffer > lists.COUNT_LIMIT
        if self.viele_treffer:
            return queryset.order_by("-gemeldet_am", "-pk")
        rang = SearchRank(F("suchvektor"), self.suchanfrage)
        return queryset.annotate(rang=rang).order_by("-rang", "-pk")

    def nach_ueberfaellig(self, queryset, name, value):
        """An open forward past its Frist (`Bedarf.ueberfaellig_bedingung`); `exclude` keeps
        the needs without one."""
        if value is None:
            return queryset
        ueberfaellig = Bedarf.ueberfaellig_bedingung(timezone.localdate())
        return queryset.filter(ueberfaellig) if value else queryset.exclude(ueberfaellig)

    def volltext(self, queryset, name, value):
        """German full-text search (stemming: "Spielplätze" finds "Spielplatz"); the order
        follows in `filter_queryset`, once every filter is applied."""
        if not value.strip():
            return queryset
        self.suchanfrage = SearchQuery(value, config="german", search_type="websearch")
        return queryset.filter(suchvektor=self.suchanfrage)

    def nach_offen(self, queryset, name, value):
        if value is None:
            return queryset
        if value:
            return queryset.exclude(status__in=Bedarf.ABGESCHLOSSEN)
        return queryset.filter(status__in=Bedarf.ABGESCHLOSSEN)

    def nach_zielgruppe(self, queryset, name, value):
        through = Bedarf.zielgruppen.through
        return queryset.filter(
            Exists(through.objects.filter(bedarf=OuterRef("pk"), zielgruppe=value))
        )

    def nach_fachbereich(self, queryset, name, value):
        """Forwarded to the department at any time: the need's `fachbereiche` (kept by the
        database, GIN index) instead of looking up the forwards of every need."""
        return queryset.filter(fachbereiche__contains=[value.pk])


class WeiterleitungFilter(django_filters.FilterSet):
    """Filters of the open forwards list (quartier, overdue), kept in the URL."""

    quartier = OneQueryChoiceFilter(label=_("Quartier"), field_name="quartier", queryset=None)
    ueberfaellig = django_filters.BooleanFilter(
        label=_("überfällig"),
        method="nach_ueberfaellig",
        widget=forms.Select(choices=[("", "—"), ("true", _("ja")), ("false", _("nein"))]),
    )

    class Meta:
        model = Weiterleitung
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["quartier"].queryset = quartiere_fuer(self.request.user).only("name")

    def nach_ueberfaellig(self, queryset, name, value):
        if value is None:
            return queryset
        heute = timezone.localdate()
        return queryset.filter(frist__lt=heute) if value else queryset.exclude(frist__lt=heute)


class ErhebungFilter(django_filters.FilterSet):
    """The assessments of one quartier (?quartier=<pk>), kept in the URL."""

    quartier = OneQueryChoiceFilter(label=_("Quartier"), queryset=None, empty_label=_("alle"))

    class Meta:
        model = Erhebung
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["quartier"].queryset = quartiere_fuer(self.request.user).only("name")
