"""Django admin for actors, persons and relation types; the committees' admin is in
`gremien.admin` (imported at the end)."""

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from quartiersmanagement.form_widgets import LOCALIZED_DECIMALS

from .models import (
    Akteur,
    Beziehung,
    Beziehungsart,
    Einwilligung,
    Funktion,
    Kalenderzugang,
    Person,
)


class FunktionInline(admin.TabularInline):
    model = Funktion
    extra = 0
    autocomplete_fields = ["person", "akteur"]


class EinwilligungFormSet(BaseInlineFormSet):
    """Consent as the legal basis needs at least one recorded Einwilligung (as the services)."""

    def clean(self):
        super().clean()
        if self.instance.rechtsgrundlage != Person.Rechtsgrundlage.EINWILLIGUNG:
            return
        bleibt = [
            f
            for f in self.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE") and f.cleaned_data.get("zweck")
        ]
        if not bleibt:
            raise ValidationError(
                _("Rechtsgrundlage Einwilligung: bitte die Einwilligung erfassen.")
            )


class EinwilligungInline(admin.TabularInline):
    model = Einwilligung
    formset = EinwilligungFormSet
    extra = 0


class BeziehungInline(admin.TabularInline):
    model = Beziehung
    fk_name = "quelle"
    extra = 0
    autocomplete_fields = ["ziel"]


@admin.register(Akteur)
class AkteurAdmin(SimpleHistoryAdmin):
    formfield_overrides = LOCALIZED_DECIMALS
    list_display = ["name", "art", "ort", "aktiv", "oeffentlich"]
    list_filter = ["art", "aktiv", "oeffentlich", "quartiere"]
    search_fields = ["name", "beschreibung", "email"]
    filter_horizontal = ["quartiere", "handlungsfelder", "zielgruppen"]
    inlines = [FunktionInline, BeziehungInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["nachname", "vorname", "email", "rechtsgrundlage", "loeschen_am"]
    search_fields = ["nachname", "vorname", "email"]
    inlines = [EinwilligungInline, FunktionInline]


@admin.register(Beziehungsart)
class BeziehungsartAdmin(SimpleHistoryAdmin):
    list_display = ["name", "sortierung"]
    search_fields = ["name"]


@admin.register(Beziehung)
class BeziehungAdmin(SimpleHistoryAdmin):
    list_display = ["quelle", "art", "ziel", "von", "bis"]
    list_filter = ["art"]
    autocomplete_fields = ["quelle", "ziel"]
    search_fields = ["quelle__name", "ziel__name"]


@admin.register(Kalenderzugang)
class KalenderzugangAdmin(admin.ModelAdmin):
    list_display = ["benutzer", "erstellt"]
    exclude = ["token_hash"]
    readonly_fields = ["benutzer"]

    def has_add_permission(self, request):
        return False  # users create their token on /sitzungen/kalender/


from .gremien import admin as gremien_admin  # noqa: E402, F401
