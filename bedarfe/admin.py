"""Django admin for needs; status changes, forwards and merges go through the services."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Bedarf, Bedarfsereignis, Erhebung, Erhebungsdatei, Weiterleitung


class ErhebungsdateiInline(admin.TabularInline):
    model = Erhebungsdatei
    extra = 0


@admin.register(Erhebung)
class ErhebungAdmin(SimpleHistoryAdmin):
    list_display = ["titel", "quartier", "methode", "datum", "teilnehmende"]
    list_filter = ["methode", "quartier"]
    search_fields = ["titel", "notizen"]
    date_hierarchy = "datum"
    autocomplete_fields = ["quartier"]
    inlines = [ErhebungsdateiInline]


class BedarfsereignisInline(admin.TabularInline):
    model = Bedarfsereignis
    extra = 0
    can_delete = False
    fields = ["zeitpunkt", "art", "benutzer", "extern", "von_status", "zu_status", "kommentar"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


class WeiterleitungInline(admin.TabularInline):
    model = Weiterleitung
    fk_name = "bedarf"
    extra = 0
    can_delete = False
    fields = ["fachbereich", "kontakt_email", "frist", "ergebnis", "beantwortet_am"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Bedarf)
class BedarfAdmin(SimpleHistoryAdmin):
    list_display = ["titel", "quartier", "handlungsfeld", "status", "prioritaet", "gemeldet_am"]
    list_filter = ["status", "prioritaet", "quartier", "handlungsfeld", "oeffentlich"]
    search_fields = ["titel", "beschreibung", "ort"]
    date_hierarchy = "gemeldet_am"
    autocomplete_fields = ["quartier", "handlungsfeld", "erhebung"]
    filter_horizontal = ["zielgruppen"]
    readonly_fields = ["status", "zusammengefuehrt_in", "erfasst_von"]
    inlines = [WeiterleitungInline, BedarfsereignisInline]


@admin.register(Weiterleitung)
class WeiterleitungAdmin(SimpleHistoryAdmin):
    list_display = ["bedarf", "fachbereich", "frist", "ergebnis", "beantwortet_am", "erinnerungen"]
    list_filter = ["ergebnis", "fachbereich__extern", "fachbereich"]
    search_fields = ["bedarf__titel", "kontakt_email", "antwort"]
    date_hierarchy = "frist"
    readonly_fields = [
        "bedarf",
        "fachbereich",
        "vorgaenger",
        "gesendet_am",
        "gesendet_von",
        "erinnert_am",
        "erinnerungen",
        "erinnerung_ab",
        "zurueckgezogen_am",
        "rueckzugsgrund",
        "antwort_gelesen_am",
    ]
