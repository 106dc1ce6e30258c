"""Django admin for actors, persons, relation types and committees."""

from django.contrib import admin
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Akteur,
    Aufgabe,
    Beschluss,
    Beziehung,
    Beziehungsart,
    Einwilligung,
    Funktion,
    Gremium,
    Kalenderzugang,
    Mitgliedschaft,
    Person,
    Sitzung,
    Tagesordnungspunkt,
    Teilnahme,
)


class FunktionInline(admin.TabularInline):
    model = Funktion
    extra = 0
    autocomplete_fields = ["person", "akteur"]


class EinwilligungInline(admin.TabularInline):
    model = Einwilligung
    extra = 0


class BeziehungInline(admin.TabularInline):
    model = Beziehung
    fk_name = "quelle"
    extra = 0
    autocomplete_fields = ["ziel"]


class MitgliedschaftInline(admin.TabularInline):
    model = Mitgliedschaft
    extra = 0
    autocomplete_fields = ["akteur", "person"]


class TagesordnungspunktInline(admin.TabularInline):
    model = Tagesordnungspunkt
    extra = 0


class TeilnahmeInline(admin.TabularInline):
    model = Teilnahme
    extra = 0
    autocomplete_fields = ["akteur", "person"]


class BeschlussInline(admin.TabularInline):
    model = Beschluss
    extra = 0


@admin.register(Akteur)
class AkteurAdmin(SimpleHistoryAdmin):
    list_display = ["name", "art", "ort", "aktiv", "oeffentlich"]
    list_filter = ["art", "aktiv", "oeffentlich", "quartiere"]
    search_fields = ["name", "beschreibung", "email"]
    filter_horizontal = ["quartiere", "handlungsfelder", "zielgruppen"]
    inlines = [FunktionInline, BeziehungInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["nachname", "vorname", "email", "loeschen_am"]
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


@admin.register(Gremium)
class GremiumAdmin(SimpleHistoryAdmin):
    list_display = ["name", "art", "quartier", "oeffentlich", "aktiv"]
    list_filter = ["art", "quartier", "oeffentlich"]
    search_fields = ["name"]
    filter_horizontal = ["handlungsfelder"]
    inlines = [MitgliedschaftInline]


@admin.register(Sitzung)
class SitzungAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "gremium", "beginn", "status", "sequenz"]
    list_filter = ["status", "gremium__quartier"]
    readonly_fields = ["uid", "sequenz"]
    search_fields = ["titel", "gremium__name"]
    inlines = [TagesordnungspunktInline, TeilnahmeInline, BeschlussInline]


@admin.register(Aufgabe)
class AufgabeAdmin(SimpleHistoryAdmin):
    list_display = ["titel", "quartier", "faellig_am", "erledigt_am"]
    list_filter = ["quartier"]
    search_fields = ["titel"]
    autocomplete_fields = ["verantwortlich_akteur", "verantwortlich_person", "sitzung"]


@admin.register(Kalenderzugang)
class KalenderzugangAdmin(admin.ModelAdmin):
    list_display = ["benutzer", "erstellt"]
    exclude = ["token_hash"]
    readonly_fields = ["benutzer"]

    def has_add_permission(self, request):
        return False  # users create their token on /sitzungen/kalender/
