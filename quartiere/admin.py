"""Django admin for the base data that admins maintain: quartiers, programmes, staff roles."""

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from quartiersmanagement.form_widgets import LOCALIZED_DECIMALS
from quartiersmanagement.models import Benutzer
from quartiersmanagement.text import german_slugify

from .models import (
    Berichtspflicht,
    Fachbereich,
    Handlungsfeld,
    Programm,
    Programmeinsatz,
    Quartier,
    Zielgruppe,
    Zustaendigkeit,
)


class ZustaendigkeitFormSet(BaseInlineFormSet):
    """Reject overlapping rows entered together; the database constraint covers saved rows."""

    def clean(self):
        super().clean()
        zeilen = [
            f.cleaned_data
            for f in self.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE") and f.cleaned_data.get("von")
        ]
        for i, a in enumerate(zeilen):
            for b in zeilen[i + 1 :]:
                gleich = all(
                    a.get(feld) == b.get(feld) for feld in ("benutzer", "quartier", "rolle")
                )
                if gleich and _ueberschneiden(a["von"], a.get("bis"), b["von"], b.get("bis")):
                    raise ValidationError(
                        _("Zwei Zuständigkeiten mit gleicher Person und Rolle überschneiden sich.")
                    )


def _ueberschneiden(von_a, bis_a, von_b, bis_b) -> bool:
    return (bis_b is None or von_a <= bis_b) and (bis_a is None or von_b <= bis_a)


class ZustaendigkeitInline(admin.TabularInline):
    model = Zustaendigkeit
    formset = ZustaendigkeitFormSet
    extra = 0
    autocomplete_fields = ["benutzer"]


class BenutzerZustaendigkeitInline(ZustaendigkeitInline):
    autocomplete_fields = ["quartier"]


class ProgrammeinsatzInline(admin.TabularInline):
    formfield_overrides = LOCALIZED_DECIMALS
    model = Programmeinsatz
    extra = 0
    autocomplete_fields = ["quartier"]


class QuartierProgrammeinsatzInline(ProgrammeinsatzInline):
    autocomplete_fields = ["programm"]


class BerichtspflichtInline(admin.TabularInline):
    model = Berichtspflicht
    extra = 0


@admin.register(Benutzer)
class BenutzerAdmin(UserAdmin):
    list_display = ["username", "first_name", "last_name", "email", "is_active", "is_superuser"]
    list_filter = ["is_active", "is_superuser", "groups"]
    inlines = [BenutzerZustaendigkeitInline]


@admin.register(Fachbereich)
class FachbereichAdmin(SimpleHistoryAdmin):
    """Departments of the city and, with the `extern` mark, the Stellen outside it (filter
    "Stelle außerhalb der Verwaltung")."""

    list_display = ["kuerzel", "name", "email", "uebergeordnet", "aktiv", "extern"]
    list_filter = ["aktiv", "extern"]
    search_fields = ["kuerzel", "name", "email"]
    autocomplete_fields = ["uebergeordnet"]


class QuartierForm(forms.ModelForm):
    """An empty slug comes from the name through the one slug helper ("Für" -> "fuer"); the
    admin's own JavaScript would drop the umlauts ("fur")."""

    class Meta:
        model = Quartier
        fields = [
            "name",
            "slug",
            "stadtbezirk",
            "einwohner",
            "beschreibung",
            "buero_adresse",
            "sprechzeiten",
            "kontakt_email",
            "aktiv",
            "oeffentlich",
            "grenze",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["slug"].help_text = _("Leer lassen: wird aus dem Namen gebildet.")

    def clean_slug(self):
        return self.cleaned_data["slug"] or german_slugify(self.cleaned_data.get("name", ""))


@admin.register(Quartier)
class QuartierAdmin(SimpleHistoryAdmin):
    form = QuartierForm
    list_display = ["name", "stadtbezirk", "einwohner", "aktiv", "oeffentlich"]
    list_filter = ["aktiv", "oeffentlich", "stadtbezirk"]
    search_fields = ["name", "stadtbezirk", "beschreibung"]
    inlines = [QuartierProgrammeinsatzInline, ZustaendigkeitInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "stadtbezirk", "einwohner", "beschreibung"]}),
        (_("Stadtteilbüro"), {"fields": ["buero_adresse", "sprechzeiten", "kontakt_email"]}),
        (_("Sichtbarkeit"), {"fields": ["aktiv", "oeffentlich"]}),
        (_("Gebiet"), {"fields": ["grenze"], "classes": ["collapse"]}),
    ]


@admin.register(Programm)
class ProgrammAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kurzname", "art", "traeger", "laufzeit_von", "laufzeit_bis"]
    list_filter = ["art", "fachbereich"]
    search_fields = ["name", "kurzname", "foerdergeber", "traeger", "aktenzeichen"]
    autocomplete_fields = ["fachbereich"]
    date_hierarchy = "laufzeit_von"
    inlines = [ProgrammeinsatzInline, BerichtspflichtInline]


@admin.register(Programmeinsatz)
class ProgrammeinsatzAdmin(SimpleHistoryAdmin):
    formfield_overrides = LOCALIZED_DECIMALS
    list_display = ["programm", "quartier", "von", "bis", "stellenanteil"]
    list_filter = ["programm", "quartier"]
    search_fields = ["programm__name", "quartier__name"]
    autocomplete_fields = ["programm", "quartier"]


@admin.register(Berichtspflicht)
class BerichtspflichtAdmin(SimpleHistoryAdmin):
    list_display = ["titel", "programm", "faellig_am", "erledigt_am"]
    list_filter = ["programm", "erledigt_am"]
    search_fields = ["titel", "programm__name"]
    date_hierarchy = "faellig_am"


@admin.register(Zustaendigkeit)
class ZustaendigkeitAdmin(SimpleHistoryAdmin):
    list_display = ["benutzer", "quartier", "rolle", "von", "bis"]
    list_filter = ["rolle", "quartier"]
    search_fields = ["benutzer__username", "benutzer__last_name", "quartier__name"]
    autocomplete_fields = ["benutzer", "quartier"]


@admin.register(Handlungsfeld, Zielgruppe)
class TaxonomieAdmin(SimpleHistoryAdmin):
    list_display = ["name", "sortierung", "aktiv"]
    list_editable = ["sortierung", "aktiv"]
    list_filter = ["aktiv"]
    search_fields = ["name", "beschreibung"]
