"""Django admin of the committees. Derived values (vote counts, result, release) are read-only:
decisions and releases go through the services, which check them."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Aufgabe,
    Berichtigung,
    Beschluss,
    Gremium,
    Mitgliedschaft,
    Sitzung,
    Tagesordnungspunkt,
    Teilnahme,
)


class MitgliedschaftInline(admin.TabularInline):
    model = Mitgliedschaft
    extra = 0
    autocomplete_fields = ["akteur", "person"]


class NurLesen(admin.TabularInline):
    """The minutes are shown, not edited, here: agenda, attendance and votes depend on each
    other and on the release, which the services check (pages of the meeting)."""

    extra = 0
    can_delete = False

    def get_readonly_fields(self, request, obj=None):
        return self.fields

    def has_add_permission(self, request, obj=None):
        return False


class TagesordnungspunktInline(NurLesen):
    model = Tagesordnungspunkt
    fields = ["nummer", "titel"]


class TeilnahmeInline(NurLesen):
    model = Teilnahme
    fields = ["akteur", "person", "gast", "status", "ab_top"]


class BeschlussInline(NurLesen):
    model = Beschluss
    fields = ["text", "ja", "nein", "enthaltung", "anwesende", "ergebnis"]


class BerichtigungInline(NurLesen):
    model = Berichtigung
    fields = ["datum", "grund", "text", "erfasst_von"]


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
    readonly_fields = [
        "uid",
        "sequenz",
        "eingeladen_am",
        "protokoll_freigegeben_am",
        "protokoll_freigegeben_von",
    ]
    search_fields = ["titel", "gremium__name"]
    inlines = [TagesordnungspunktInline, TeilnahmeInline, BeschlussInline, BerichtigungInline]


@admin.register(Aufgabe)
class AufgabeAdmin(SimpleHistoryAdmin):
    list_display = ["titel", "quartier", "faellig_am", "erledigt_am"]
    list_filter = ["quartier"]
    search_fields = ["titel"]
    autocomplete_fields = ["verantwortlich_akteur", "verantwortlich_person", "sitzung"]
